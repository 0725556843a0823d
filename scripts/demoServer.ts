/**
 * The demo: code-server with the packaged VSIX installed (not the development folder), so what a
 * person sees is what a user installs. Ctrl+C stops everything.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeServerEntry, ensureCodeServer, REPO_ROOT, startCodeServer, workbenchUrl } from './codeServer';

async function main(): Promise<void> {
  ensureCodeServer();
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(REPO_ROOT, `${manifest.name}-${manifest.version}.vsix`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'idlog-demo-'));
  const extensionsDir = path.join(home, 'extensions');
  const folder = path.join(home, 'workspace');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'README.md'), '# Identity Log Explorer demo\n\nOpen **Identity Logs** in the activity bar.\n');
  // Wakes the extension at startup in this workspace only (workspaceContains), so it can add the demo tenant.
  fs.writeFileSync(path.join(folder, '.identity-logs-demo'), 'The npm run demo workspace: Identity Log Explorer opens with its demo tenant here.\n');
  execFileSync(process.execPath, [codeServerEntry(), '--extensions-dir', extensionsDir, '--install-extension', vsix], { stdio: 'inherit' });

  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  const server = await startCodeServer({ folder, extensionsDir, port, userSettings: { 'workbench.colorTheme': 'Default Dark Modern', 'identityLogs.demo.prepareOnStartup': true } });
  const url = workbenchUrl(server);
  console.log(`\nIdentity Log Explorer demo is running: ${url}\nIt opens on Identity Logs with the demo tenant added and signed in. Press Ctrl+C to stop.\n`);
  if (process.env.DISPLAY && process.env.IDLOG_DEMO_NO_BROWSER === undefined) {
    spawn('xdg-open', [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  }
  const shutdown = async () => {
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
