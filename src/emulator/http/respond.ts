/** Response helpers with the services' exact error envelopes (API-FACTS 2, 3, 4). */
import * as crypto from 'crypto';
import type * as http from 'http';
import * as zlib from 'zlib';

export type Res = http.ServerResponse;

/** Bodies smaller than this go as they are (as the services do: compressing them gains nothing). */
const COMPRESS_FROM = 1024;

/**
 * A body as the client asked for it, as Graph and Log Analytics answer: gzip or deflate when the
 * request's Accept-Encoding names it (a `q=0` refuses it), otherwise as is. Level 1: the fake
 * spends little CPU on it, so benchmarks measure the client.
 */
export function encodeBody(res: Res, bytes: Buffer): { readonly body: Buffer; readonly headers: Record<string, string> } {
  const accepted = new Set(
    String(res.req?.headers['accept-encoding'] ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name),
  );
  if (bytes.length < COMPRESS_FROM) return { body: bytes, headers: {} };
  if (accepted.has('gzip')) return { body: zlib.gzipSync(bytes, { level: 1 }), headers: { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } };
  if (accepted.has('deflate')) return { body: zlib.deflateSync(bytes, { level: 1 }), headers: { 'Content-Encoding': 'deflate', Vary: 'Accept-Encoding' } };
  return { body: bytes, headers: {} };
}

export function sendJson(res: Res, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/** A body already written as JSON text. */
export function sendJsonText(res: Res, status: number, text: string, headers: Record<string, string> = {}): void {
  const encoded = encodeBody(res, Buffer.from(text));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': encoded.body.length, ...encoded.headers, ...headers });
  res.end(encoded.body);
}

export function sendEmpty(res: Res, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': 0, ...headers });
  res.end();
}

export interface RequestIds {
  readonly requestId: string;
  readonly clientRequestId: string;
}

export function requestIds(req: http.IncomingMessage): RequestIds {
  const client = req.headers['client-request-id'];
  const requestId = crypto.randomUUID();
  return { requestId, clientRequestId: typeof client === 'string' ? client : requestId };
}

export function graphError(res: Res, ids: RequestIds, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(
    res,
    status,
    { error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId } } },
    { 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId, ...headers },
  );
}

export interface StsError {
  readonly status: number;
  readonly error: string;
  readonly code?: number;
  readonly description: string;
}

export function stsError(res: Res, e: StsError): void {
  const trace = crypto.randomUUID();
  const correlation = crypto.randomUUID();
  const ts = new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z';
  const description = e.code ? `AADSTS${e.code}: ${e.description} Trace ID: ${trace} Correlation ID: ${correlation} Timestamp: ${ts}` : e.description;
  sendJson(res, e.status, {
    error: e.error,
    error_description: description,
    error_codes: e.code ? [e.code] : [],
    timestamp: ts,
    trace_id: trace,
    correlation_id: correlation,
    error_uri: e.code ? `https://login.microsoftonline.com/error?code=${e.code}` : undefined,
  });
}

export function afError(res: Res, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

export function readBody(req: http.IncomingMessage, limit = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
