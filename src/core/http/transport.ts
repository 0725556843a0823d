/**
 * The HTTP transport: node's https over our agents (CA trust for the fake tenant, proxy tunnels). It is written
 * against node's request directly because a connection that drops mid-body must fail at once:
 * node-fetch 2 leaves such a body pending until a timeout (seen against the fake tenant's reset
 * fault), and a dropped page must be retried, not waited on for minutes.
 */
import * as http from 'http';
import * as https from 'https';
import * as zlib from 'zlib';
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

/** The stream that undoes a Content-Encoding; undefined for none, 'unknown' for one we did not ask for. */
function decoderFor(encoding: string | string[] | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined | 'unknown' {
  const e = (Array.isArray(encoding) ? encoding.join(',') : (encoding ?? '')).trim().toLowerCase();
  if (e === '' || e === 'identity') return undefined;
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  if (e === 'deflate') return zlib.createInflate();
  if (e === 'br') return zlib.createBrotliDecompress();
  return 'unknown';
}

export class ConnectionDroppedError extends Error {
  readonly code = 'ECONNRESET';
}

/** The agent for one request: direct, or through the proxy that applies to its host. */
export interface Agents {
  agentFor(url: URL): http.Agent;
}

export function httpTransport(agents: Agents): FetchLike {
  return (url, init) =>
    new Promise<HttpResponseLike>((resolve, reject) => {
      const u = new URL(url);
      const body = init.body !== undefined ? Buffer.from(init.body) : undefined;
      // Sign-in pages are about 3 MB of JSON that Graph and Log Analytics compress about tenfold.
      const headers: Record<string, string> = { 'Accept-Encoding': 'gzip, deflate, br', ...init.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) };
      const options = { method: init.method, headers, agent: agents.agentFor(u) };
      const req = (u.protocol === 'http:' ? http : https).request(u, options, (res) => {
        // The body is read eagerly so a drop mid-body rejects text() instead of hanging it.
        const text = new Promise<string>((ok, fail) => {
          const chunks: Buffer[] = [];
          let received = 0;
          const decoder = decoderFor(res.headers['content-encoding']);
          if (decoder === 'unknown') {
            res.resume();
            fail(new ConnectionDroppedError(`The service answered in an encoding it was not asked for (${String(res.headers['content-encoding']).slice(0, 40)}).`));
            return;
          }
          // Compressed bodies are decoded as they arrive; a cut-off or damaged stream is a dropped connection (retried).
          const decoded = decoder ?? res;
          decoded.on('data', (c: Buffer) => chunks.push(c));
          decoder?.on('error', () => fail(new ConnectionDroppedError(`The compressed response was cut off or damaged after ${received} bytes.`)));
          res.on('data', (c: Buffer) => {
            received += c.length;
            decoder?.write(c);
          });
          res.on('aborted', () => fail(new ConnectionDroppedError('The connection dropped while the response was arriving.')));
          res.on('error', (e) => fail(e));
          res.on('end', () => {
            const expected = Number(res.headers['content-length']);
            if (!res.complete || (Number.isFinite(expected) && received < expected)) fail(new ConnectionDroppedError(`The response ended early (${received} of ${expected} bytes).`));
            else if (!decoder) ok(Buffer.concat(chunks).toString('utf8'));
            else {
              decoder.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
              decoder.end();
            }
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
