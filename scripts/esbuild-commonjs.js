// How the kit's TypeScript becomes CommonJS with esbuild, one file at a time, so that it behaves as
// tsc's output for tsconfig.json (target ES2022, module commonjs) does. One set of options for the
// build of dist/ (scripts/build-cli.mjs) and jest's transform (test/support/esbuild-transform.js):
// the tests run the sources compiled exactly as the package ships them.

/** The prologue tsc writes at the top of every CommonJS file: strict mode, as a module is (writing to a frozen object throws). */
const STRICT = "'use strict';";

/** The esbuild options the build and the transform share. */
const COMMONJS = {
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The class-field semantics of tsc's target ES2022: define, not assign.
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
  // import() as a require, as in tsc's CommonJS output: `await import('./x')` loads the file beside
  // it, through node's CommonJS loader (and jest runs no ES modules without --experimental-vm-modules).
  supported: { 'dynamic-import': false },
};

module.exports = { STRICT, COMMONJS };
