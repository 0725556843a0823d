// Flat config: typescript-eslint over all TypeScript, plus the layer rules from DESIGN.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noVscode = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'vscode', message: 'This layer must not depend on VS Code (see DESIGN.md: layers).' }],
    },
  ],
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
  { files: ['src/core/**/*.ts', 'src/emulator/**/*.ts', 'webview-ui/**/*.ts'], rules: noVscode },
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
