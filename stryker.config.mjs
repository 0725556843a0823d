// Mutation testing of the core modules that carry the product's promises ("nothing lost", "the
// token goes only to allowed hosts", "no secret in logs"). Not part of `npm test`: a full run takes
// long on two cores. Incremental: a rerun tests only mutants whose code or covering tests changed.
// Surviving mutants judged equivalent are listed, with the reason, in test/mutation/EQUIVALENT.md.
//
// IDLOG_MUTATION_SCOPE=<scope> (see SCOPES) mutates one group of modules and runs only the unit
// tests that exercise it: minutes instead of hours, so a module can be worked on until it scores.
// Its reports go to reports/mutation/<scope>/.

/** The unit test files (under out/test/unit/core) that exercise each group. */
const SCOPES = {
  http: {
    mutate: ['src/core/http/{allowlist,clock,networkFailure,pacer,proxy,retry,serviceError}.ts', 'src/core/log/**/*.ts'],
    specs: ['auth', 'diagnose', 'http', 'networkFailure', 'proxy', 'redact', 'transport', 'untrusted', 'httpEdges', 'retryClock'],
  },
  client: {
    mutate: ['src/core/http/{client,transport,tunnel}.ts'],
    specs: ['http', 'transport', 'untrusted', 'proxy', 'httpEdges', 'networkFailure', 'retryClock', 'clientDecisions', 'transportEdges', 'tunnel'],
  },
  triage: {
    mutate: ['src/core/triage/**/*.ts', 'src/core/odata/**/*.ts'],
    specs: ['signInTriage', 'triage', 'odata', 'legacyReports', 'pivots', 'titles', 'logAnalytics', 'triageEdges', 'triageApi', 'runTriage', 'intents', 'rawFilter', 'buildFilter'],
  },
  query: {
    mutate: ['src/core/query/**/*.ts'],
    specs: ['cellDictionary', 'loadForecast', 'packedGuids', 'query', 'rowTable', 'topCounts', 'resultsModel', 'nothingLost', 'graphActivityReport', 'recordView', 'signInView', 'titles'],
  },
  o365: {
    mutate: ['src/core/o365/**/*.ts'],
    specs: ['o365', 'o365Export', 'powerLoss'],
  },
  export: {
    mutate: ['src/core/export/**/*.ts'],
    specs: ['export', 'exportPlan', 'nothingLost', 'powerLoss', 'o365Export', 'logAnalyticsSlices', 'untrusted'],
  },
};

// The SIGKILL test runs the export in child processes, which take minutes per mutant and cover
// nothing in this process; the full-disk test needs a small filesystem the sandbox does not have.
// `npm test` runs both.
const GREP = '^(?!.*(kill test: SIGKILLed|a full disk)).*';

const scope = process.env.IDLOG_MUTATION_SCOPE ? SCOPES[process.env.IDLOG_MUTATION_SCOPE] : undefined;
if (process.env.IDLOG_MUTATION_SCOPE && !scope) throw new Error(`IDLOG_MUTATION_SCOPE must be one of ${Object.keys(SCOPES).join(', ')}.`);
const reports = scope ? `reports/mutation/${process.env.IDLOG_MUTATION_SCOPE}` : 'reports/mutation';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  plugins: ['@stryker-mutator/mocha-runner'],
  mutate: scope?.mutate ?? [
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
  mochaOptions: { spec: scope ? scope.specs.map((s) => `out/test/unit/core/${s}.test.js`) : ['out/test/unit/core/*.test.js', 'out/test/unit/emulator/*.test.js'], grep: GREP },
  coverageAnalysis: 'perTest',
  ignorePatterns: ['dist', 'out', 'reports', '.test-host', '.vscode-test', 'test/e2e', '*.vsix', 'media/screenshots'],
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20000,
  incremental: true,
  incrementalFile: `${reports}/stryker-incremental.json`,
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
