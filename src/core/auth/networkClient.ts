/**
 * MSAL's network calls go through our transport and agents, so the same CA trust (the fake
 * tenant's, for tests and the demo) and failure handling apply to sign-in as to Graph.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import * as http from 'http';
import * as https from 'https';
import { NetworkFailureError } from '../http/networkFailure';
import { httpTransport } from '../http/transport';

export interface TransportOptions {
  /** Extra CA certificates (PEM) to trust, for the local fake tenant. */
  readonly ca?: string;
}

/** One keep-alive agent per CA; plain http only ever reaches loopback (see parseLocalOrigin). */
export function createAgents(options: TransportOptions): { https: https.Agent; http: http.Agent } {
  return {
    https: new https.Agent({ keepAlive: true, maxSockets: 8, ...(options.ca ? { ca: options.ca } : {}) }),
    http: new http.Agent({ keepAlive: true, maxSockets: 8 }),
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

export function msalNetworkClient(agents: { https: https.Agent; http: http.Agent }): MsalNetwork {
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
