/** The signed-in ApiClient a benchmark child uses: the extension's own parts, time-scaled. */
import * as fs from 'fs';
import { AppCredential } from '../src/core/auth/credentials';
import { createAgents, msalNetworkClient } from '../src/core/auth/networkClient';
import { MemorySecretStore } from '../src/core/auth/secretStore';
import { cloudById, localEndpoints } from '../src/core/clouds';
import { allowedOrigins } from '../src/core/http/allowlist';
import { ApiClient } from '../src/core/http/client';
import { SYSTEM_CLOCK } from '../src/core/http/clock';
import { Pacer } from '../src/core/http/pacer';
import { DEFAULT_RETRY } from '../src/core/http/retry';
import { type FetchLike, httpTransport } from '../src/core/http/transport';
import { NULL_LOGGER } from '../src/core/log/redact';

/** What the bench hands each child (as JSON in an environment variable). */
export interface BenchJob {
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

/** The client, and the bytes of the response bodies it decoded (to compare with the wire). */
export async function benchClient(job: BenchJob): Promise<{ client: ApiClient; bodyBytes: () => number }> {
  const endpoints = localEndpoints(cloudById('global'), job.origin);
  const agents = createAgents({ ca: fs.readFileSync(job.caPath, 'utf8') });
  const credential = new AppCredential('clientSecret', { tenantKey: 'bench', tenant: job.tenant, clientId: job.clientId, endpoints, secrets: new MemorySecretStore(), network: msalNetworkClient(agents), log: NULL_LOGGER });
  await credential.signIn(job.secret);
  const transport = httpTransport(agents);
  let bodyBytes = 0;
  const counting: FetchLike = async (url, init) => {
    const res = await transport(url, init);
    return {
      ...res,
      headers: res.headers,
      text: async () => {
        const t = await res.text();
        bodyBytes += Buffer.byteLength(t);
        return t;
      },
    };
  };
  const client = new ApiClient({
    fetch: counting,
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
  return { client, bodyBytes: () => bodyBytes };
}
