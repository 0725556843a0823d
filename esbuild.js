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

async function main() {
  const common = {
    bundle: true,
    minify: production,
    sourcemap: true,
    sourcesContent: !production,
    logLevel: 'silent',
    plugins: watch ? [problemMatcherPlugin] : [],
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  };
  const contexts = [
    await esbuild.context({
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
    }),
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
