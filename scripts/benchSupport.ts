/** What the benchmark's scenarios share: the fake tenant in its own process, a client child, and checking an export against the truth. */
import { type ChildProcess, execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface Info {
  authorityHost: string;
  caCertPath: string;
  tenants: { apps: { clientId: string; secret: string }[] }[];
}

export interface ClientResult {
  count: number;
  seconds: number;
  completed: boolean;
  error?: string;
  peakRssMb: number;
  cpuSeconds?: number;
  /** Response bodies as decoded (ours only): what the wire would carry uncompressed. */
  bodyBytes?: number;
}

/** The fake tenant's counters: requests served and bytes written to clients on the wire. */
export async function emulatorStats(info: Info): Promise<{ requestsServed: number; wireBytes: number }> {
  const https = await import('https');
  return new Promise((resolve, reject) => {
    https
      .get(`${info.authorityHost}/_emulator/stats`, { ca: fs.readFileSync(info.caCertPath) }, (res) => {
        let t = '';
        res.on('data', (c: Buffer) => (t += c.toString()));
        res.on('end', () => resolve(JSON.parse(t) as { requestsServed: number; wireBytes: number }));
      })
      .on('error', reject);
  });
}

/** A CPU-bound neighbour, as on a busy laptop: one process spinning until killed. */
export function startNeighbour(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;) { Math.sqrt(Math.random()); }'], { stdio: 'ignore' });
}

/** BENCH_CPU_PROF=<dir>: each child writes a V8 CPU profile there (to see where the time goes). */
const PROFILE = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

export function startEmulator(args: string[]): Promise<{ child: ChildProcess; info: Info }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...PROFILE, path.join(ROOT, 'out', 'src', 'emulator', 'cli.js'), '--json', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve({ child, info: JSON.parse(buf.slice(0, nl)) as Info });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited ${code}`)));
  });
}

export function runChild(script: string, env: Record<string, string>): Promise<ClientResult> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [...PROFILE, script], { env: { ...process.env, ...env }, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as ClientResult);
      } catch {
        reject(new Error(`${path.basename(script)} failed: ${err?.message ?? ''}\n${stderr}`));
      }
    }),
  );
}

/**
 * Counts the records of an NDJSON file against the truth, reading it a chunk at a time. Ids are
 * looked up, not kept: a substring would keep its whole 1 MB chunk alive.
 */
export async function checkNdjson(file: string, truth: ReadonlySet<string>): Promise<{ lost: number; duplicated: number; lines: number }> {
  const index = new Map<string, number>();
  for (const id of truth) index.set(id, index.size);
  const seen = new Uint8Array(index.size);
  let duplicated = 0;
  let lines = 0;
  let rest = '';
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const parts = (rest + String(chunk)).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) {
      if (line === '') continue;
      lines++;
      // Records start with their id (checked: the generator writes it first).
      const i = index.get(/^\{"id":"([^"]+)"/.exec(line)?.[1] ?? '');
      // A record outside the truth counts as a duplicate: it should not be there either.
      if (i === undefined || seen[i] === 1) duplicated++;
      else seen[i] = 1;
    }
  }
  let lost = 0;
  for (const v of seen) if (v === 0) lost++;
  return { lost, duplicated, lines };
}

