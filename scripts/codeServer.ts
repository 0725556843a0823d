/**
 * Starts and stops the real VS Code that code-server embeds, for the integration tests, the e2e
 * tests and the demo. Everything it starts runs in its own process group, so stop() can end the
 * server and every extension host it spawned by pid.
 */
import { type ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export function codeServerRoot(): string {
  const cache = process.env.IDLOG_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'identity-log-explorer');
  return path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerEntry(): string {
  return path.join(codeServerRoot(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Installs code-server into the cache if it is not there yet (see scripts/install-code-server.sh). */
export function ensureCodeServer(): void {
  if (fs.existsSync(path.join(codeServerRoot(), '.installed')) && fs.existsSync(codeServerEntry())) return;
  const result = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'install-code-server.sh')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`Installing code-server ${CODE_SERVER_VERSION} failed (exit ${result.status}).`);
}

export interface CodeServerOptions {
  /** The folder the workbench opens. */
  readonly folder: string;
  /** User settings written before start (settings.json in the user-data dir). */
  readonly userSettings?: Record<string, unknown>;
  /** Extra environment for the server and so for its extension hosts. */
  readonly env?: Record<string, string>;
  /** Use an existing extensions dir (the demo installs the VSIX there); default: a fresh temp dir. */
  readonly extensionsDir?: string;
  /** Use a fixed port; default: the OS picks a free one. */
  readonly port?: number;
  /** Print the server's own output. */
  readonly verbose?: boolean;
}

export interface RunningCodeServer {
  readonly origin: string;
  readonly port: number;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly folder: string;
  /** The server's process id, which leads its process group (extension hosts included). */
  readonly pid: number;
  /** The server's output so far, for error messages. */
  output(): string;
  writeUserSettings(settings: Record<string, unknown>): void;
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  ensureCodeServer();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'idlog-code-server-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(scratch, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settingsPath = path.join(userDataDir, 'User', 'settings.json');
  const writeUserSettings = (settings: Record<string, unknown>) =>
    fs.writeFileSync(settingsPath, JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  writeUserSettings(options.userSettings ?? {});
  const configPath = path.join(scratch, 'config.yaml');
  fs.writeFileSync(configPath, 'auth: none\ncert: false\n');

  const args = [
    codeServerEntry(),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${options.port ?? 0}`,
    '--config', configPath,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    options.folder,
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.verbose) process.stdout.write(chunk);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  const stop = () => stopProcessGroup(child, scratch);
  try {
    const port = await waitForListening(child, () => output);
    const origin = `http://127.0.0.1:${port}`;
    await waitForHealthy(origin);
    return { origin, port, userDataDir, extensionsDir, folder: options.folder, pid: child.pid!, output: () => output, writeUserSettings, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Settings that keep the workbench quiet and predictable for tests and the demo. */
const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.openRepositoryInParentFolders': 'never',
  'git.autoRepositoryDetection': false,
  'extensions.ignoreRecommendations': true,
  // The demo tenant is a server on a loopback port inside the extension host: code-server would
  // announce it as "your application … is available" and offer to forward it. It is no application.
  'remote.autoForwardPorts': false,
};

function waitForListening(child: ChildProcess, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`code-server did not start within 60 s:\n${output()}`)), 60_000);
    const check = () => {
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output());
      if (m) finish(undefined, Number(m[1]));
    };
    const onExit = (code: number | null) => finish(new Error(`code-server exited early (code ${code}):\n${output()}`));
    function finish(error?: Error, port?: number) {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(port as number);
    }
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.on('exit', onExit);
    check();
  });
}

async function waitForHealthy(origin: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`code-server at ${origin} did not answer /healthz within 30 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopProcessGroup(child: ChildProcess, scratch: string): Promise<void> {
  const pid = child.pid;
  if (pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    killGroup(pid, 'SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), delay(5_000).then(() => true)]);
    if (timedOut) killGroup(pid, 'SIGKILL');
  }
  // Extension hosts may outlive the server briefly; make sure nothing of the group is left.
  if (pid !== undefined) killGroup(pid, 'SIGKILL');
  fs.rmSync(scratch, { recursive: true, force: true });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The workbench URL, optionally with a `payload` (extension development and test paths). */
export function workbenchUrl(server: RunningCodeServer, payload?: ReadonlyArray<readonly [string, string]>): string {
  const url = new URL(server.origin + '/');
  url.searchParams.set('folder', server.folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** A path on the code-server host as the workbench addresses it (`vscode-remote://…`). */
export function remotePath(server: RunningCodeServer, absolutePath: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
}
