// Builds the CLI and the package's modules into dist/ (`npm run build:cli`; `npm pack` runs it as
// prepack): the JavaScript with esbuild, one CommonJS file and source map per source file
// (scripts/esbuild-commonjs.js), and the declarations (.d.ts) with tsc, both at once; then the
// dashboard's browser files and the bundled OpenAPI document `merchant-kit contracts` prints.
//
// Nothing here checks types: `npm run check` (or `npm run typecheck`) checks src and test, and npm test
// runs it beside the build; a full tsc emit would check src a second time, about three times the CPU
// of this build.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import console from 'node:console';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import esbuildCommonJs from './esbuild-commonjs.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
const require = createRequire(import.meta.url);
const { STRICT, COMMONJS } = esbuildCommonJs;

/** The files tsc compiles (tsconfig.json includes src/**\/*.ts); a .d.ts declares, it emits nothing. */
function sourceFiles() {
  return fs
    .readdirSync(SRC, { recursive: true })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => path.join('src', file));
}

/** dist/**\/*.js and .js.map, from src/ as it is (the shebang of src/cli/main.ts stays the first line). */
async function emitJavaScript() {
  await build({
    ...COMMONJS,
    absWorkingDir: ROOT,
    entryPoints: sourceFiles(),
    outbase: 'src',
    outdir: 'dist',
    banner: { js: STRICT },
    sourcemap: true,
    // As tsc's maps: they point at src/, they do not copy it.
    sourcesContent: false,
    logLevel: 'warning',
  });
}

/** dist/**\/*.d.ts, tsc's declaration emit without its type check. */
function emitDeclarations() {
  const tsc = require.resolve('typescript/bin/tsc');
  const args = [tsc, '-p', 'tsconfig.json', '--emitDeclarationOnly', '--noCheck'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited with code ${code}`))));
  });
}

/** What the compiled modules read at run time: the dashboard's pages, scripts and styles, and the bundled contract. */
async function addRuntimeFiles() {
  // The dashboard's .json is its tsconfig (for checkJs), not something it serves.
  fs.cpSync(path.join(SRC, 'mock', 'dashboard'), path.join(DIST, 'mock', 'dashboard'), {
    recursive: true,
    filter: (file) => !file.endsWith('.json'),
  });
  const { writeBundledOpenApiDocument } = require(path.join(DIST, 'contracts', 'bundle.js'));
  await writeBundledOpenApiDocument();
}

fs.rmSync(DIST, { recursive: true, force: true });
try {
  await Promise.all([emitDeclarations(), emitJavaScript().then(addRuntimeFiles)]);
} catch (error) {
  // esbuild and tsc have printed what is wrong, with the file and line; this says which step stopped.
  const first = error instanceof Error ? error.message.split('\n')[0].replace(/:$/, '') : String(error);
  console.error(`build:cli failed: ${first}`);
  process.exitCode = 1;
}
