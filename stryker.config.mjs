// Mutation testing of the core modules that carry the product's promises ("nothing lost", "the
// token goes only to allowed hosts", "no secret in logs"). Not part of `npm test`: a full run takes
// long on two cores. Incremental: a rerun tests only mutants whose code or covering tests changed.
// Surviving mutants judged equivalent are listed, with the reason, in test/mutation/EQUIVALENT.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  plugins: ['@stryker-mutator/mocha-runner'],
  mutate: [
    'src/core/http/**/*.ts',
    'src/core/query/**/*.ts',
    'src/core/export/**/*.ts',
    'src/core/o365/**/*.ts',
    'src/core/triage/**/*.ts',
    'src/core/odata/**/*.ts',
    'src/core/log/**/*.ts',
  ],
  // Instrumented sources are compiled once with the tests (Stryker marks them @ts-nocheck).
  buildCommand: 'npx tsc -p tsconfig.test.json',
  // The SIGKILL test runs the export in child processes, which take minutes per mutant and cover
  // nothing in this process; `npm test` runs it.
  mochaOptions: { spec: ['out/test/unit/core/*.test.js', 'out/test/unit/emulator/*.test.js'], grep: '^(?!.*kill test: SIGKILLed).*' },
  coverageAnalysis: 'perTest',
  ignorePatterns: ['dist', 'out', 'reports', '.test-host', '.vscode-test', 'test/e2e', '*.vsix', 'media/screenshots'],
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20000,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
