/** The HTTP transport the client uses: node-fetch over our agents (CA trust for the fake tenant). */
import * as http from 'http';
import * as https from 'https';
import fetch, { RequestInit } from 'node-fetch';

export interface HttpResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface HttpRequestInit {
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

export type FetchLike = (url: string, init: HttpRequestInit) => Promise<HttpResponseLike>;

export function nodeFetchTransport(agents: { https: https.Agent; http: http.Agent }): FetchLike {
  return (url, init) =>
    fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: init.signal as RequestInit['signal'],
      // Redirects are checked against the allowlist by the client, never followed blindly.
      redirect: 'manual',
      agent: (u: URL) => (u.protocol === 'http:' ? agents.http : agents.https),
      compress: true,
    });
}
