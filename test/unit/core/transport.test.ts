/**
 * The HTTP transport over real sockets on loopback: it asks for compressed bodies, decodes gzip,
 * deflate and brotli, and a compressed body cut off or damaged in transit fails as a dropped
 * connection, which the client retries, so a compressed page is never taken half-read.
 */
import * as assert from 'assert';
import type * as http from 'http';
import * as zlib from 'zlib';
import { ApiClient } from '../../../src/core/http/client';
import { Pacer } from '../../../src/core/http/pacer';
import { DEFAULT_RETRY } from '../../../src/core/http/retry';
import { ConnectionDroppedError } from '../../../src/core/http/transport';
import { NULL_LOGGER } from '../../../src/core/log/redact';
import { encodeBody } from '../../../src/emulator/http/respond';
import { FakeClock } from '../../support/fakeClock';
import { type Handler, loopbackHttp } from '../../support/loopbackHttp';

describe('core/http transport: compressed bodies over loopback', () => {
  const server = loopbackHttp(true);
  const fetch = server.fetch;
  let origin = '';
  before(() => (origin = server.origin()));
  let handle: Handler = () => undefined;
  server.handle((req, res) => handle(req, res));
  // A page of sign-in-like JSON, with text outside ASCII.
  const page = { value: Array.from({ length: 400 }, (_, i) => ({ id: `id-${i}`, userDisplayName: `Zoë Ünal ${i}`, status: { errorCode: i % 7 === 0 ? 50126 : 0 } })) };
  const text = JSON.stringify(page);

  const send = (encoding: string, body: Buffer, contentLength = body.length): Handler => (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': encoding, 'Content-Length': contentLength });
    res.end(body);
  };

  it('asks for gzip, deflate and brotli, and reads each back to the same text', async () => {
    const encoders: Record<string, (b: Buffer) => Buffer> = { gzip: (b) => zlib.gzipSync(b), deflate: (b) => zlib.deflateSync(b), br: (b) => zlib.brotliCompressSync(b) };
    for (const [encoding, encode] of Object.entries(encoders)) {
      let asked = '';
      const compressed = encode(Buffer.from(text));
      handle = (req, res) => {
        asked = String(req.headers['accept-encoding']);
        send(encoding, compressed)(req, res);
      };
      const res = await fetch(`${origin}/page`, { method: 'GET', headers: {} });
      assert.strictEqual(await res.text(), text, encoding);
      assert.match(asked, /gzip/);
      assert.ok(compressed.length * 4 < Buffer.byteLength(text), `${encoding}: ${compressed.length} bytes on the wire for ${Buffer.byteLength(text)}`);
    }
  });

  it('a gzip body cut short (its length says so, or it does not) or damaged fails as a dropped connection', async () => {
    const gz = zlib.gzipSync(Buffer.from(text));
    const cut = gz.subarray(0, Math.floor(gz.length * 0.6));
    const damaged = Buffer.from(gz);
    damaged.fill(0x41, 40, 80);
    for (const [what, handler] of [
      ['cut, with the cut length', send('gzip', cut)],
      ['damaged', send('gzip', damaged)],
      [
        'cut, the connection dropped',
        (_req: http.IncomingMessage, res: http.ServerResponse) => {
          res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': gz.length });
          res.write(cut);
          setImmediate(() => res.socket?.destroy());
        },
      ],
      ['in an encoding not asked for', send('zstd', gz)],
    ] as const) {
      handle = handler;
      const res = await fetch(`${origin}/page`, { method: 'GET', headers: {} });
      await assert.rejects(res.text(), (e: unknown) => e instanceof ConnectionDroppedError, what);
    }
  });

  it('the client retries a compressed page cut off in transit and returns the whole one', async () => {
    const gz = zlib.gzipSync(Buffer.from(text));
    let calls = 0;
    handle = (req, res) => (++calls === 1 ? send('gzip', gz.subarray(0, gz.length >> 1)) : send('gzip', gz))(req, res);
    const clock = new FakeClock(1_000_000);
    const client = new ApiClient({
      fetch,
      tokens: async () => 'token',
      origins: { graph: [origin], manage: [], logAnalytics: [], arm: [] },
      clock,
      random: () => 0.5,
      log: NULL_LOGGER,
      pacer: new Pacer(clock, { marginMs: 0 }),
      tenantKey: 't',
      appKey: 'a',
      retry: { ...DEFAULT_RETRY, maxAttempts: 3 },
      requestTimeoutMs: 10_000,
    });
    const res = await client.request(`${origin}/v1.0/auditLogs/signIns`, { resource: 'graph', limit: 'reports' });
    assert.deepStrictEqual(res.body, page);
    assert.strictEqual(calls, 2);
    assert.strictEqual(client.stats.retries, 1);
  });

  it('the fake tenant compresses when asked and not otherwise, and small bodies never', () => {
    const big = Buffer.from(text);
    const res = (acceptEncoding?: string) => ({ req: { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } } }) as unknown as http.ServerResponse;
    assert.deepStrictEqual(encodeBody(res(), big).headers, {});
    assert.strictEqual(encodeBody(res('gzip;q=0, identity'), big).headers['Content-Encoding'], undefined);
    const gz = encodeBody(res('br, gzip'), big);
    assert.strictEqual(gz.headers['Content-Encoding'], 'gzip');
    assert.strictEqual(zlib.gunzipSync(gz.body).toString(), text);
    assert.strictEqual(encodeBody(res('deflate'), big).headers['Content-Encoding'], 'deflate');
    assert.deepStrictEqual(encodeBody(res('gzip'), Buffer.from('{"value":[]}')).headers, {});
  });
});
