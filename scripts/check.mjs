// `npm run check`: every static check of `npm test` in one go: the type check, ESLint and Prettier.
// `npm run typecheck` and `npm run lint` each build a TypeScript program of src/ and test/ (ESLint's
// typed rules need one too); here one program serves both, which saves about 16 CPU-seconds of the
// 40 the two take apart. Prettier runs beside it as a child. Exits 1 when any check fails, printing
// what each found.
import path from 'node:path';
import process from 'node:process';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { heldChild } from './held-child.mjs';

const ROOT = path.dirname(import.meta.dirname);
// src/ and test/ together (test/tsconfig.json); the dashboard's browser files have a program of their own.
const PROJECTS = ['test/tsconfig.json', 'src/mock/dashboard/tsconfig.json'];

/** Prettier in check mode, as `npm run lint` runs it; resolves with its exit code and output. */
function prettier() {
  const bin = path.join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  return heldChild(process.execPath, [bin, '--check', '.'], { cwd: ROOT }).finished;
}

/** A program for a tsconfig, and its type errors formatted as tsc prints them. */
function typeCheck(project) {
  const file = path.join(ROOT, project);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    file,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
  const text = ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => '\n',
  });
  return { program, errors: diagnostics.length, text };
}

const formatting = prettier();
const [main, dashboard] = PROJECTS.map(typeCheck);
// The TypeScript files get the program just built instead of one of their own (projectService).
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, programs: [main.program] } },
  },
});
const results = await eslint.lintFiles(['.']);
const problems = results.reduce((sum, r) => sum + r.errorCount + r.warningCount, 0);
const { code: prettierCode, output: prettierOutput } = await formatting;

let failed = 0;
for (const [name, check] of [
  ['types (tsc -p test/tsconfig.json)', main],
  ['types (tsc -p src/mock/dashboard/tsconfig.json)', dashboard],
])
  if (check.errors > 0) {
    failed++;
    process.stdout.write(`${name}: ${check.errors} error${check.errors === 1 ? '' : 's'}\n${check.text}\n`);
  }
if (problems > 0) {
  failed++;
  const formatter = await eslint.loadFormatter('stylish');
  process.stdout.write(`eslint: ${problems} problem${problems === 1 ? '' : 's'}\n${await formatter.format(results)}\n`);
}
if (prettierCode !== 0) {
  failed++;
  process.stdout.write(`prettier --check:\n${prettierOutput}\n`);
}
process.exitCode = failed > 0 ? 1 : 0;
