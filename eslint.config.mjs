// ESLint flat config: typescript-eslint's recommended rules, prettier owns the formatting, and the
// layers are enforced by import restrictions (see CONTRIBUTING.md, "Layers").
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** `patterns` for no-restricted-imports: a folder may not import the named layers. */
const forbid = (layers, why) => ({
  'no-restricted-imports': [
    'error',
    { patterns: layers.map((layer) => ({ group: [`**/${layer}`, `**/${layer}/**`], message: why })) },
  ],
});

// src/mock's folders by role, bottom first: each may import only the folders before it (and
// src/common, src/contracts). i18n and errors are the words every folder answers in.
const MOCK_FOLDERS = ['i18n', 'errors', 'bounds', 'domain', 'store', 'callbacks', 'sandboxes', 'http'];

/** The rule for one src/mock folder: no import of a folder above it, nor of the layers beside src/mock. */
function mockFolder(folder, index) {
  const above = MOCK_FOLDERS.slice(index + 1);
  const upward = above.map((name) => ({
    group: [`../${name}`, `../${name}/**`, `../../${name}`, `../../${name}/**`, `../../../${name}/**`],
    message: `src/mock/${folder} sits below ${name}: imports point down (${MOCK_FOLDERS.join(' < ')}); move the shared piece down instead.`,
  }));
  const layers = ['conformance', 'cli', 'bench'].map((layer) => ({
    group: [`**/${layer}`, `**/${layer}/**`],
    message: 'src/mock uses only src/common and src/contracts; move what it shares with the runner down to src/common.',
  }));
  return {
    files: [`src/mock/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [...upward, ...layers] }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'reports/', 'test/support/totals-reporter.js', 'action.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  // The dashboard runs in the browser as ES modules; tsc checks it (checkJs, DOM types), names included.
  {
    files: ['src/mock/dashboard/**/*.js'],
    languageOptions: { sourceType: 'module' },
    rules: { 'no-undef': 'off' },
  },
  // jest loads its transform and its sequencer as CommonJS modules of node's; the transform and the
  // build share their esbuild options from one.
  {
    files: ['test/support/esbuild-transform.js', 'test/support/sequencer.js', 'scripts/esbuild-commonjs.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The layers point one way: common and contracts at the bottom, mock and conformance beside each
  // other (never importing one another), cli and bench on top; nothing outside cli imports it.
  {
    files: ['src/common/**/*.ts'],
    rules: forbid(
      ['contracts', 'mock', 'conformance', 'cli', 'bench'],
      'src/common is the bottom layer: it imports nothing of the kit.',
    ),
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: forbid(['mock', 'conformance', 'cli', 'bench'], 'src/contracts uses only src/common.'),
  },
  {
    files: ['src/mock/**/*.ts'],
    rules: forbid(
      ['conformance', 'cli', 'bench'],
      'src/mock uses only src/common and src/contracts; move what it shares with the runner down to src/common.',
    ),
  },
  ...MOCK_FOLDERS.map(mockFolder),
  // No circle between files either: a newcomer reads a folder from the bottom up.
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/conformance/**/*.ts'],
    rules: forbid(
      ['mock', 'cli', 'bench'],
      'src/conformance uses only src/common and src/contracts; move what it shares with the mock down to src/common.',
    ),
  },
  {
    files: ['src/bench/**/*.ts'],
    rules: forbid(['cli'], 'nothing outside src/cli imports it: move the shared piece to src/common.'),
  },
  prettier,
);
