// Flat config: typescript-eslint over all TypeScript, plus the layer rules from DESIGN.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const VSCODE = { name: 'vscode', message: 'This layer must not depend on VS Code (see DESIGN.md: layers).' };

/** One `no-restricted-imports` rule per layer: ESLint keeps only the last one that matches a file. */
const layer = (patterns) => ({ 'no-restricted-imports': ['error', { paths: [VSCODE], patterns }] });

const LAYERS = {
  // The core runs in plain Node (tests, the benchmark, the CLI): no editor, no fake tenant.
  core: layer([{ regex: '(^|/)(vscode|emulator|webview)(/|$)', message: 'core depends on nothing above it and not on the fake tenant.' }]),
  // The fake tenant stands in for Microsoft's services: it must not share our client's code, or a bug
  // in one would be mirrored by the other and no test would see it.
  emulator: layer([{ regex: '(^|/)(core|vscode|webview)(/|$)', message: 'The fake tenant imports nothing of the extension.' }]),
  // A webview app holds its protocol and pure models only: no host code, no network, no secrets.
  webview: layer([
    {
      regex: '(^|/)src/(vscode|emulator)(/|$)|(^|/)src/core/(http|auth|export|o365|triage|log|diagnose|tenants|records)(/|$)',
      message: 'A webview app imports only its protocol (src/webview) and pure models.',
    },
  ]),
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '.vscode-test/**', '.test-host/**', 'test/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  { files: ['src/core/**/*.ts'], rules: LAYERS.core },
  { files: ['src/emulator/**/*.ts'], rules: LAYERS.emulator },
  { files: ['webview-ui/**/*.ts'], rules: LAYERS.webview },
  {
    // Services, views and panels never reach up into commands: commands are the one boundary
    // through which the user (and other features) drive them.
    files: ['src/vscode/**/*.ts'],
    ignores: ['src/vscode/commands/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)commands/', message: 'Only activate() and commands know commands; use a service, or executeCommand for cross-feature navigation.' }] }] },
  },
  {
    // One command (or one table of commands of one shape) per file. A command file imports the
    // boundary (../command) and its feature's argument parsers (./args), never another command:
    // share through a service, or run it with executeCommand. Only a feature's index lists them.
    files: ['src/vscode/commands/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\./(?!command$)', message: 'A command does not import another command: share through a service, or run it with executeCommand.' }] }] },
  },
  {
    files: ['src/vscode/commands/*/*.ts'],
    ignores: ['src/vscode/commands/*/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\./(?!args$|command$)', message: 'A command does not import another command: share through a service or ./args, or run it with executeCommand.' },
            { regex: '^\\.\\./(?!command$|\\.\\./)', message: 'A command does not import another feature\'s commands: run it with executeCommand.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'webview-ui/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }] },
  },
  {
    // No import cycles anywhere in shipped code: a cycle makes load order matter and layers meaningless.
    files: ['src/**/*.ts', 'webview-ui/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['webview-ui/**/*.ts'],
    rules: {
      // Untrusted log text must stay text (DESIGN.md rule 2).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render log data with textContent or Lit bindings.' },
        { property: 'outerHTML', message: 'Render log data with textContent or Lit bindings.' },
        { property: 'insertAdjacentHTML', message: 'Render log data with textContent or Lit bindings.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
);
