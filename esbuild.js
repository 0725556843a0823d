// One build script, two kinds of output: the extension host bundle (node, cjs, `vscode` external)
// and one browser bundle per webview app (webview-ui/<app>/main.ts -> dist/webview/<app>.js).
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Reports build results in the format of VS Code's `$esbuild-watch` problem matcher. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

function webviewEntryPoints() {
  const root = path.join(__dirname, 'webview-ui');
  if (!fs.existsSync(root)) return {};
  const entries = {};
  for (const app of fs.readdirSync(root, { withFileTypes: true })) {
    const main = path.join(root, app.name, 'main.ts');
    if (app.isDirectory() && fs.existsSync(main)) entries[app.name] = main;
  }
  return entries;
}

/**
 * Code not needed to start, kept out of the extension bundle and loaded on first use: the demo
 * tenant (the fake tenant with its certificate code), the PFX reader (node-forge), MSAL and the KQL parser. Each is its
 * own bundle next to dist/extension.js; the dynamic import that names it stays a run-time require.
 */
const LAZY = [
  { importer: path.join('vscode', 'demo', 'demoTenant.ts'), request: /\/emulator$/, entry: 'src/emulator/index.ts', bundle: 'demo-tenant.js' },
  { importer: path.join('core', 'auth', 'certificate.ts'), request: /^\.\/pfx$/, entry: 'src/core/auth/pfx.ts', bundle: 'pfx.js' },
  // MSAL Node: needed for the first sign-in or token, not to show the tenants tree.
  { importer: path.join('core', 'auth', 'credentials.ts'), request: /^\.\/msal$/, entry: 'src/core/auth/msal.ts', bundle: 'msal.js' },
  // Microsoft's KQL parser (about 6 MB): for workspace queries and the fake tenant's workspace only.
  { importer: path.join('core', 'kql', 'kusto.ts'), request: /^\.\/kustoLanguage$/, entry: 'src/core/kql/kustoLanguage.ts', bundle: 'kusto.js' },
];

/**
 * What only the extension's own tests use (the test API, the scripted prompter): required by
 * extension.ts under ExtensionMode.Test only, and left out of the VSIX by .vscodeignore.
 */
const TEST_KIT = { entry: 'src/vscode/testing/testKit.ts', bundle: 'test-kit.js' };

/** Microsoft's KQL parser scripts: every bundle that imports them gets the one shared runtime instead. */
const KUSTO_RUNTIME = { entry: 'src/core/kql/kustoRuntime.ts', bundle: 'kusto-runtime.js' };

const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^@kusto\/language-service-next\// }, (args) =>
      args.importer.endsWith(path.join('kql', 'kustoRuntime.ts')) ? undefined : { path: `./${KUSTO_RUNTIME.bundle}`, external: true },
    );
    build.onResolve({ filter: /\/testing\/testKit$/ }, (args) =>
      args.kind === 'require-call' && args.importer.endsWith('extension.ts') ? { path: `./${TEST_KIT.bundle}`, external: true } : undefined,
    );
    build.onResolve({ filter: /\/(emulator|pfx|msal|kustoLanguage)$/ }, (args) => {
      const lazy = args.kind === 'dynamic-import' && LAZY.find((l) => args.importer.endsWith(l.importer) && l.request.test(args.path));
      return lazy ? { path: `./${lazy.bundle}`, external: true } : undefined;
    });
  },
};

async function main() {
  // A production build starts from an empty dist/, so no development source map or old bundle ships.
  if (production) fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
  const common = {
    bundle: true,
    minify: production,
    // No source maps in the VSIX: they would double its size and ship our sources' paths.
    sourcemap: !production,
    logLevel: 'silent',
    plugins: watch ? [problemMatcherPlugin] : [],
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  };
  const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };
  const contexts = [
    // dynamic-import off: a lazy bundle is loaded with require(), which the extension host's loader always handles.
    await esbuild.context({ ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [...common.plugins, lazyBundles], supported: { 'dynamic-import': false } }),
    ...(await Promise.all(LAZY.map((l) => esbuild.context({ ...node, entryPoints: [l.entry], outfile: `dist/${l.bundle}`, plugins: [...common.plugins, lazyBundles] })))),
    await esbuild.context({ ...node, entryPoints: [KUSTO_RUNTIME.entry], outfile: `dist/${KUSTO_RUNTIME.bundle}`, plugins: [...common.plugins, lazyBundles] }),
    await esbuild.context({ ...node, entryPoints: [TEST_KIT.entry], outfile: `dist/${TEST_KIT.bundle}`, plugins: [...common.plugins, lazyBundles] }),
  ];
  const webviews = webviewEntryPoints();
  if (Object.keys(webviews).length > 0) {
    contexts.push(
      await esbuild.context({
        ...common,
        entryPoints: webviews,
        outdir: 'dist/webview',
        platform: 'browser',
        format: 'esm',
        target: 'es2022',
      }),
    );
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  let failed = false;
  for (const ctx of contexts) {
    const result = await ctx.rebuild().catch((e) => ({ errors: e.errors ?? [e] }));
    if (result.errors.length > 0) failed = true;
    await ctx.dispose();
  }
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
