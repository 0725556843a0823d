/**
 * MSAL's network calls go through our transport and agents, so the same CA trust (the fake
 * tenant's, for tests and the demo) and failure handling apply to sign-in as to Graph.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import * as http from 'http';
import * as https from 'https';
import { NetworkFailureError } from '../http/networkFailure';
import type { Logger } from '../log/redact';
import { NO_PROXY_SETTINGS, type ProxyEndpoint, type ProxySettings, proxyFor } from '../http/proxy';
import { type Agents, httpTransport } from '../http/transport';
import { HttpsTunnelAgent, HttpTunnelAgent } from '../http/tunnel';

export interface TransportOptions {
  /** Extra CA certificates (PEM) to trust, for the local fake tenant. */
  readonly ca?: string;
  /** VS Code's proxy settings; none when absent. */
  readonly proxy?: ProxySettings;
}

export interface ManagedAgents extends Agents {
  /** Closes every pooled socket (the proxy settings changed, or the extension stops). */
  destroy(): void;
}

/**
 * Keep-alive agents for one CA and one set of proxy settings: a direct pair, and a tunnelling pair
 * per proxy in use. Plain http only ever reaches loopback (see parseLocalOrigin).
 */
export function createAgents(options: TransportOptions): ManagedAgents {
  const tls = { keepAlive: true, maxSockets: 8, ...(options.ca ? { ca: options.ca } : {}) };
  const direct = { https: new https.Agent(tls), http: new http.Agent({ keepAlive: true, maxSockets: 8 }) };
  const tunnels = new Map<string, { https: https.Agent; http: http.Agent }>();
  const settings = options.proxy ?? NO_PROXY_SETTINGS;
  const through = (proxy: ProxyEndpoint) => {
    const key = `${proxy.protocol}//${proxy.host}:${proxy.port} ${proxy.authorization ?? ''}`;
    const known = tunnels.get(key);
    if (known) return known;
    const pair = { https: new HttpsTunnelAgent(proxy, tls), http: new HttpTunnelAgent(proxy, { keepAlive: true, maxSockets: 8 }) };
    tunnels.set(key, pair);
    return pair;
  };
  return {
    agentFor: (url) => {
      const proxy = proxyFor(url, settings);
      const pair = proxy ? through(proxy) : direct;
      return url.protocol === 'http:' ? pair.http : pair.https;
    },
    destroy: () => {
      for (const pair of [direct, ...tunnels.values()]) {
        pair.https.destroy();
        pair.http.destroy();
      }
    },
  };
}

/**
 * MSAL replaces any network failure with a bare `network_error` that names no host and no cause;
 * the module remembers the last real failure so the credential can report it instead.
 */
export interface MsalNetwork extends INetworkModule {
  /** Failures seen so far: read before a call, compare after it. */
  failures(): number;
  lastFailure(): NetworkFailureError | undefined;
}

export function msalNetworkClient(agents: Agents, log?: Logger): MsalNetwork {
  const transport = httpTransport(agents);
  let count = 0;
  let last: NetworkFailureError | undefined;
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions, timeoutMs?: number): Promise<NetworkResponse<T>> => {
    const controller = new AbortController();
    const timer = timeoutMs ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
    try {
      const res = await transport(url, { method, headers: options?.headers ?? {}, body: method === 'POST' ? (options?.body ?? '') : undefined, signal: controller.signal });
      const text = await res.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        // MSAL reads error and error_description from the body; keep the failure readable.
        body = { error: 'invalid_response', error_description: `The sign-in service answered ${res.status} with a body that is not JSON.` };
      }
      // Never the body: it carries the secret, the assertion, the code or the tokens.
      log?.trace(`MSAL ${method} ${new URL(url).host}${new URL(url).pathname} → ${res.status}`);
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'x-ms-request-id', 'x-ms-clitelem', 'retry-after', 'date']) {
        const v = res.headers.get(name);
        if (v !== null) headers[name] = v;
      }
      return { headers, body: body as T, status: res.status };
    } catch (e) {
      if (e instanceof NetworkFailureError) {
        count++;
        last = e;
      }
      throw e;
    } finally {
      if (timer) clearTimeout(timer);
    }
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
    failures: () => count,
    lastFailure: () => last,
  };
}
