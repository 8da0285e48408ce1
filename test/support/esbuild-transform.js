// jest's transform for TypeScript: esbuild, already a devDependency (it bundles the GitHub Action).
// Each file is compiled alone to CommonJS, as ts-jest did with isolatedModules, but about ten times
// faster; types are checked once, by `npm run typecheck`, which `npm test` runs first.
const crypto = require('node:crypto');
const { transformSync, version } = require('esbuild');

// The class-field semantics tsc uses for the build (target ES2022): define, not assign.
const TSCONFIG = { compilerOptions: { useDefineForClassFields: true } };

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'external',
      sourcefile: filename,
      tsconfigRaw: TSCONFIG,
      // As tsc's CommonJS output: strict mode (a module is strict; writing to a frozen object throws),
      // and import() as a require (jest runs no ES modules without --experimental-vm-modules).
      banner: "'use strict';",
      supported: { 'dynamic-import': false },
    });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return crypto.createHash('sha1').update(version).update(filename).update('\0').update(source).digest('hex');
  },
};
