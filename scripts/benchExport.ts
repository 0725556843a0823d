/**
 * The benchmark's export side, in its own process so its memory is its own: Identity Log
 * Explorer's export (runExport: day windows, NDJSON, fsync and checkpoint after every page, SHA-256,
 * manifest) of a range of sign-ins to a file. Job in IDLOG_BENCH_EXPORT; one JSON line out.
 */
import * as fs from 'fs';
import { AppCredential } from '../src/core/auth/credentials';
import { createAgents, msalNetworkClient } from '../src/core/auth/networkClient';
import { MemorySecretStore } from '../src/core/auth/secretStore';
import { cloudById, localEndpoints } from '../src/core/clouds';
import { checkpointPathOf, Destination } from '../src/core/export/checkpoint';
import { allowedOrigins } from '../src/core/http/allowlist';
import { ApiClient } from '../src/core/http/client';
import { SYSTEM_CLOCK } from '../src/core/http/clock';
import { Pacer } from '../src/core/http/pacer';
import { DEFAULT_RETRY } from '../src/core/http/retry';
import { httpTransport } from '../src/core/http/transport';
import { NULL_LOGGER } from '../src/core/log/redact';
import { exportOrResume, exportSpec } from '../test/support/exportHarness';

interface Job {
  readonly origin: string;
  readonly caPath: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly secret: string;
  readonly timeScale: number;
  readonly fromMs: number;
  readonly toMs: number;
  readonly out: string;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.env.IDLOG_BENCH_EXPORT ?? '{}') as Job;
  const endpoints = localEndpoints(cloudById('global'), job.origin);
  const agents = createAgents({ ca: fs.readFileSync(job.caPath, 'utf8') });
  const credential = new AppCredential('clientSecret', { tenantKey: 'bench', tenant: job.tenant, clientId: job.clientId, endpoints, secrets: new MemorySecretStore(), network: msalNetworkClient(agents), log: NULL_LOGGER });
  await credential.signIn(job.secret);
  const client = new ApiClient({
    fetch: httpTransport(agents),
    tokens: async (resource, o) => (await credential.getToken(resource, o)).token,
    origins: allowedOrigins(endpoints),
    clock: SYSTEM_CLOCK,
    random: Math.random,
    log: NULL_LOGGER,
    pacer: new Pacer(SYSTEM_CLOCK, { timeScale: job.timeScale }),
    tenantKey: job.tenant,
    appKey: job.clientId,
    retry: { ...DEFAULT_RETRY, baseDelayMs: DEFAULT_RETRY.baseDelayMs * job.timeScale, maxDelayMs: DEFAULT_RETRY.maxDelayMs * job.timeScale },
    requestTimeoutMs: 120_000,
  });
  const destination: Destination = { kind: 'file', path: job.out };
  const started = process.hrtime.bigint();
  let count = 0;
  let error: string | undefined;
  let complete = false;
  try {
    const out = await exportOrResume(client, exportSpec(job.origin, job.tenant, destination, 'ndjson', { fromMs: job.fromMs, toMs: job.toMs }), { checkpointPath: checkpointPathOf(destination) });
    count = out.manifest.rows;
    complete = out.manifest.complete;
  } catch (e) {
    error = e instanceof Error ? e.message.slice(0, 300) : String(e);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ count, seconds, completed: complete && !error, error, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), cpuSeconds: Number(((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6).toFixed(1)) }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
