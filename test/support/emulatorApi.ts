/** An ApiClient wired to the fake tenant the way the extension wires it to a real one. */
import { AppCredential } from '../../src/core/auth/credentials';
import { createAgents, msalNetworkClient } from '../../src/core/auth/networkClient';
import { MemorySecretStore } from '../../src/core/auth/secretStore';
import { cloudById, localEndpoints } from '../../src/core/clouds';
import { allowedOrigins } from '../../src/core/http/allowlist';
import { ApiClient } from '../../src/core/http/client';
import { SYSTEM_CLOCK } from '../../src/core/http/clock';
import { Pacer } from '../../src/core/http/pacer';
import type { ProxySettings } from '../../src/core/http/proxy';
import { DEFAULT_RETRY, type RetryPolicy } from '../../src/core/http/retry';
import { type FetchLike, httpTransport } from '../../src/core/http/transport';
import { NULL_LOGGER } from '../../src/core/log/redact';
import { type Emulator } from '../../src/emulator';

export interface EmulatorApi {
  readonly client: ApiClient;
  /** Every URL a request was sent to, with whether it carried a token. */
  readonly sent: { url: string; token: boolean }[];
}

export async function emulatorApi(emulator: Pick<Emulator, 'origin' | 'caPem' | 'info'>, tenant: string, clientId: string, options: { timeScale?: number; retry?: Partial<RetryPolicy>; requestTimeoutMs?: number; proxy?: ProxySettings } = {}): Promise<EmulatorApi> {
  const endpoints = localEndpoints(cloudById('global'), emulator.origin);
  const agents = createAgents({ ca: emulator.caPem ?? undefined, proxy: options.proxy });
  const secrets = new MemorySecretStore();
  const app = emulator.info.tenants.find((t) => t.id === tenant)!.apps.find((a) => a.clientId === clientId)!;
  const credential = new AppCredential('clientSecret', { tenantKey: 'test', tenant, clientId, endpoints, secrets, network: msalNetworkClient(agents), log: NULL_LOGGER });
  await credential.signIn(app.secret!);
  const transport = httpTransport(agents);
  const sent: { url: string; token: boolean }[] = [];
  const recording: FetchLike = (url, init) => {
    sent.push({ url, token: typeof init.headers.Authorization === 'string' });
    return transport(url, init);
  };
  const scale = options.timeScale ?? 1;
  const client = new ApiClient({
    fetch: recording,
    tokens: async (resource, o) => (await credential.getToken(resource, o)).token,
    origins: allowedOrigins(endpoints),
    clock: SYSTEM_CLOCK,
    random: Math.random,
    log: NULL_LOGGER,
    pacer: new Pacer(SYSTEM_CLOCK, { timeScale: scale }),
    tenantKey: tenant,
    appKey: clientId,
    retry: { ...DEFAULT_RETRY, baseDelayMs: Math.max(5, DEFAULT_RETRY.baseDelayMs * scale), maxDelayMs: Math.max(50, DEFAULT_RETRY.maxDelayMs * scale), ...options.retry },
    requestTimeoutMs: options.requestTimeoutMs ?? 120_000,
  });
  return { client, sent };
}
