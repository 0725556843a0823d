/**
 * The transport's edges over real sockets on loopback: every spelling of "not compressed", the
 * encodings' aliases, the exact words of a refused encoding and of a short body, headers read in
 * any case, a body sent with its length, and a cancel before or during a request.
 */
import * as assert from 'assert';
import type * as http from 'http';
import * as zlib from 'zlib';
import { ConnectionDroppedError } from '../../../src/core/http/transport';
import { type Handler, loopbackHttp } from '../../support/loopbackHttp';

describe('core/http transport: its edges, over loopback', () => {
  const server = loopbackHttp(false);
  const fetch = server.fetch;
  const text = JSON.stringify({ value: Array.from({ length: 50 }, (_, i) => ({ id: `id-${i}`, name: `Zoë ${i}` })) });
  let origin = '';
  before(() => (origin = server.origin()));
  const handle = (h: Handler) => server.handle(h);

  const answer = (headers: http.OutgoingHttpHeaders, body: Buffer | string): Handler => (_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  };

  it('no encoding, "identity" (any case, any spaces) and the x-gzip alias are read back as the same text', async () => {
    for (const [encoding, body] of [[undefined, text], ['identity', text], [' Identity ', text], ['', text], ['x-gzip', zlib.gzipSync(text)], ['GZIP', zlib.gzipSync(text)], ['br', zlib.brotliCompressSync(text)]] as const) {
      handle(answer(encoding === undefined ? {} : { 'Content-Encoding': encoding }, body));
      const res = await fetch(`${origin}/x`, { method: 'GET', headers: {} });
      assert.strictEqual(await res.text(), text, String(encoding));
    }
  });

  it('an encoding not asked for is refused in words that name it (cut to 40 characters)', async () => {
    handle(answer({ 'Content-Encoding': `compress-${'z'.repeat(60)}` }, 'x'));
    const res = await fetch(`${origin}/x`, { method: 'GET', headers: {} });
    await assert.rejects(res.text(), (e: unknown) => e instanceof ConnectionDroppedError && e.code === 'ECONNRESET' && e.message === `The service answered in an encoding it was not asked for (compress-${'z'.repeat(31)}).`);
  });

  it('a plain body shorter than its Content-Length is a dropped connection, with both sizes', async () => {
    handle((_req, res) => {
      res.writeHead(200, { 'Content-Length': 100 });
      res.write('{"value":');
      setImmediate(() => res.socket?.destroy());
    });
    const res = await fetch(`${origin}/x`, { method: 'GET', headers: {} });
    await assert.rejects(res.text(), (e: unknown) => e instanceof ConnectionDroppedError && /dropped|ended early/.test(e.message));
  });

  it('headers are read in any case; a repeated header reads as one list', async () => {
    handle((_req, res) => {
      res.setHeader('Request-Id', 'r-1');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.writeHead(200);
      res.end('{}');
    });
    const res = await fetch(`${origin}/x`, { method: 'GET', headers: {} });
    assert.deepStrictEqual([res.headers.get('request-id'), res.headers.get('REQUEST-ID'), res.headers.get('set-cookie'), res.headers.get('absent'), res.status], ['r-1', 'r-1', 'a=1, b=2', null, 200]);
  });

  it('a POST sends its body with its length and the headers given, and still asks for compression', async () => {
    let got: { method?: string; length?: string; type?: string; accept?: string; body: string } = { body: '' };
    handle((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        got = { method: req.method, length: req.headers['content-length'], type: req.headers['content-type'], accept: req.headers['accept-encoding'], body };
        res.writeHead(204);
        res.end();
      });
    });
    const res = await fetch(`${origin}/x`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"userIds":["Zoë"]}' });
    assert.strictEqual(res.status, 204);
    assert.deepStrictEqual(got, { method: 'POST', length: String(Buffer.byteLength('{"userIds":["Zoë"]}')), type: 'application/json', accept: 'gzip, deflate, br', body: '{"userIds":["Zoë"]}' });
  });

  it('a request cancelled before it starts, or while the service is thinking, fails as an abort', async () => {
    let arrived = 0;
    handle(() => {
      arrived++;
    });
    const before = new AbortController();
    before.abort();
    await assert.rejects(fetch(`${origin}/x`, { method: 'GET', headers: {}, signal: before.signal }), (e: unknown) => (e as Error).name === 'AbortError' && (e as Error).message === 'The request was aborted.');
    const during = new AbortController();
    const pending = fetch(`${origin}/x`, { method: 'GET', headers: {}, signal: during.signal });
    while (arrived === 0) await new Promise((r) => setTimeout(r, 5));
    during.abort();
    await assert.rejects(pending, (e: unknown) => (e as Error).name === 'AbortError');
  });
});
