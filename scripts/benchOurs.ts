/**
 * The benchmark's "ours" side, in its own process so its memory is its own: Identity Log
 * Explorer's client (pacer, retries, slicing) pages the query and streams ids to a file.
 */
import * as fs from 'fs';
import { categoryById } from '../src/core/catalog/categories';
import { CategorySpec } from '../src/core/catalog/types';
import { AppCredential } from '../src/core/auth/credentials';
import { createAgents, msalNetworkClient } from '../src/core/auth/networkClient';
import { MemorySecretStore } from '../src/core/auth/secretStore';
import { cloudById, localEndpoints } from '../src/core/clouds';
import { allowedOrigins } from '../src/core/http/allowlist';
import { ApiClient } from '../src/core/http/client';
import { SYSTEM_CLOCK } from '../src/core/http/clock';
import { Pacer } from '../src/core/http/pacer';
import { DEFAULT_RETRY } from '../src/core/http/retry';
import { httpTransport } from '../src/core/http/transport';
import { NULL_LOGGER } from '../src/core/log/redact';
import { runQuery } from '../src/core/query/runQuery';

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
  const job = JSON.parse(process.env.IDLOG_BENCH_JOB ?? '{}') as Job;
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
  const fd = fs.openSync(job.out, 'w');
  let count = 0;
  const started = process.hrtime.bigint();
  const gen = runQuery(client, { category: categoryById('signIns.interactive') as CategorySpec, graphOrigin: job.origin, filterWithoutTime: undefined, window: { fromMs: job.fromMs, toMs: job.toMs } }, { slowPageMs: 4000 * job.timeScale, minWindowMs: 60_000 });
  let incomplete: string | undefined;
  let error: string | undefined;
  try {
    for (;;) {
      const r = await gen.next();
      if (r.done) {
        incomplete = r.value.incomplete?.reason;
        break;
      }
      // A sink, not a store: ids go to the file and the records are dropped.
      if (r.value.records.length) fs.writeSync(fd, r.value.records.map((x) => `${String(x.id)}\n`).join(''));
      count += r.value.records.length;
    }
  } catch (e) {
    error = e instanceof Error ? e.message.slice(0, 300) : String(e);
  }
  fs.closeSync(fd);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ count, seconds, completed: !error && !incomplete, error: error ?? incomplete, retries: client.stats.retries, throttled: client.stats.throttled, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
