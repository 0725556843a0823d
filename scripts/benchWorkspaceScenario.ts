/** The benchmark's workspace scenario: 90 days of sign-ins exported from the fake workspace. */
import * as fs from 'fs';
import * as path from 'path';
import { defaultConfig } from '../src/emulator/config';
import { defaultSizes, TenantData } from '../src/emulator/data/dataset';
import { receivedMs } from '../src/emulator/data/workspaceRows';
import { checkNdjson, type ClientResult, ROOT, runChild, startEmulator } from './benchSupport';

const TENANT = '11111111-1111-4111-8111-111111111111';
const APP = 'c0000000-0000-4000-8000-00000000000a';
const DAY = 86_400_000;
export const LA_DAYS = 90;
const WORKSPACE = '90000000-0000-4000-8000-000000000001';

export interface WorkspaceBench {
  /** Interactive sign-ins per 7 days (the workspace holds LA_DAYS of them at that rate). */
  readonly n: number;
  readonly total: number;
  readonly timeScale: number;
  readonly latencyMs: number;
  /** Graph's throttle-bound ceiling, records per second, at the same time scale. */
  readonly ceiling: number;
}

export interface WorkspaceSide {
  readonly recordsPerSec: number;
  readonly graphCeilingRecordsPerSec: number;
  readonly ratio: number;
  readonly records: number;
  readonly expected: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly completed: boolean;
  readonly slices: number;
  readonly requests: number;
  readonly peakRssMb: number;
  readonly seconds: number;
  readonly error?: string;
}

/**
 * A workspace export: 90 days of interactive sign-ins from the fake workspace (the same sign-ins
 * Graph serves, plus the history only a workspace keeps), with the same throttle time scale and
 * latency as the Graph scenarios, against the throttle-bound ceiling Graph has for its 30 days.
 */
export async function workspaceScenario(b: WorkspaceBench, scratch: string): Promise<WorkspaceSide> {
  const anchorMs = Date.now();
  const { n, total } = b;
  const { child, info } = await startEmulator(['--signins', String(total), '--time-scale', String(b.timeScale), '--latency', String(b.latencyMs), '--anchor-ms', String(anchorMs), '--seed', '13']);
  try {
    const secret = info.tenants[0].apps.find((a) => a.clientId === APP)!.secret;
    const fromMs = anchorMs - LA_DAYS * DAY + 120_000;
    const toMs = anchorMs;
    const data = new TenantData(13, defaultConfig().tenants[0], anchorMs, defaultSizes(total));
    const truth = new Set<string>();
    for (const r of data.workspaceSignIns(fromMs - 300_000, toMs)) {
      const at = receivedMs(r, data.seed);
      if (r.eventType === 'interactiveUser' && at >= fromMs && at <= toMs) truth.add(String(r.json.id));
    }
    const file = path.join(scratch, `workspace-${n}.ndjson`);
    const r = (await runChild(path.join(ROOT, 'out', 'scripts', 'benchWorkspace.js'), { IDLOG_BENCH_WORKSPACE: JSON.stringify({ origin: info.authorityHost, caPath: info.caCertPath, tenant: TENANT, clientId: APP, secret, timeScale: b.timeScale, fromMs, toMs, out: file, workspaceId: WORKSPACE }) })) as ClientResult & { slices: number; requests: number };
    const c = await checkNdjson(file, truth);
    for (const extra of ['', '.manifest.json', '.checkpoint.json', '.partial']) fs.rmSync(file + extra, { force: true });
    const recordsPerSec = Math.round(c.lines / r.seconds);
    return {
      recordsPerSec,
      graphCeilingRecordsPerSec: Math.round(b.ceiling),
      ratio: Number((recordsPerSec / b.ceiling).toFixed(2)),
      records: c.lines,
      expected: truth.size,
      lost: c.lost,
      duplicated: c.duplicated,
      completed: r.completed && c.lost === 0 && c.duplicated === 0,
      slices: r.slices,
      requests: r.requests,
      peakRssMb: r.peakRssMb,
      seconds: Number(r.seconds.toFixed(1)),
      ...(r.error ? { error: r.error } : {}),
    };
  } finally {
    child.kill('SIGTERM');
  }
}

