/**
 * The HTTP transport: node's https over our agents (CA trust for the fake tenant). It is written
 * against node's request directly because a connection that drops mid-body must fail at once:
 * node-fetch 2 leaves such a body pending until a timeout (seen against the fake tenant's reset
 * fault), and a dropped page must be retried, not waited on for minutes.
 */
import * as http from 'http';
import * as https from 'https';
import { asNetworkFailure } from './networkFailure';

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

export class ConnectionDroppedError extends Error {
  readonly code = 'ECONNRESET';
}

export function httpTransport(agents: { https: https.Agent; http: http.Agent }): FetchLike {
  return (url, init) =>
    new Promise<HttpResponseLike>((resolve, reject) => {
      const u = new URL(url);
      const body = init.body !== undefined ? Buffer.from(init.body) : undefined;
      const headers: Record<string, string> = { ...init.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) };
      const options = { method: init.method, headers, agent: u.protocol === 'http:' ? agents.http : agents.https };
      const req = (u.protocol === 'http:' ? http : https).request(u, options, (res) => {
        // The body is read eagerly so a drop mid-body rejects text() instead of hanging it.
        const chunks: Buffer[] = [];
        let received = 0;
        const text = new Promise<string>((ok, fail) => {
          res.on('data', (c: Buffer) => {
            chunks.push(c);
            received += c.length;
          });
          res.on('aborted', () => fail(new ConnectionDroppedError('The connection dropped while the response was arriving.')));
          res.on('error', (e) => fail(e));
          res.on('end', () => {
            const expected = Number(res.headers['content-length']);
            if (!res.complete || (Number.isFinite(expected) && received < expected)) fail(new ConnectionDroppedError(`The response ended early (${received} of ${expected} bytes).`));
            else ok(Buffer.concat(chunks).toString('utf8'));
          });
        });
        text.catch(() => undefined);
        resolve({
          status: res.statusCode ?? 0,
          headers: {
            get: (name) => {
              const v = res.headers[name.toLowerCase()];
              return Array.isArray(v) ? v.join(', ') : (v ?? null);
            },
          },
          text: () => text,
        });
      });
      const onAbort = () => req.destroy(Object.assign(new Error('The request was aborted.'), { name: 'AbortError' }));
      if (init.signal?.aborted) onAbort();
      init.signal?.addEventListener('abort', onAbort, { once: true });
      req.on('close', () => init.signal?.removeEventListener('abort', onAbort));
      // A socket or TLS failure names its host and maps to a catalog code (see networkFailure.ts).
      req.on('error', (e) => reject(asNetworkFailure(e, url)));
      if (body) req.write(body);
      req.end();
    });
}
