// jest's transform for TypeScript: esbuild, already a devDependency (it bundles the GitHub Action).
// Each file is compiled alone to CommonJS, as ts-jest did with isolatedModules, but about ten times
// faster; types are checked once, by `npm run typecheck`, which `npm test` runs first. The options are
// the build's (scripts/esbuild-commonjs.js): the tests run src/ compiled as dist/ is.
const crypto = require('node:crypto');
const { transformSync, version } = require('esbuild');
const { STRICT, COMMONJS } = require('../../scripts/esbuild-commonjs.js');

const OPTIONS = JSON.stringify(COMMONJS) + STRICT;

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      ...COMMONJS,
      loader: 'ts',
      sourcemap: 'external',
      sourcefile: filename,
      banner: STRICT,
    });
    return { code, map };
  },
  getCacheKey(source, filename) {
    // The options are in the key: a change to them compiles every file again.
    return crypto
      .createHash('sha1')
      .update(version)
      .update(OPTIONS)
      .update(filename)
      .update('\0')
      .update(source)
      .digest('hex');
  },
};
