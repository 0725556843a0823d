/**
 * The CONNECT tunnel against scripted proxies on loopback (a real proxy is in proxy.test.ts):
 * what it asks the proxy, each way a proxy can say no and the words the user then reads, answers
 * split across packets, and a proxy that hangs up.
 */
import * as assert from 'assert';
import * as net from 'net';
import { type ProxyEndpoint } from '../../../src/core/http/proxy';
import { openTunnel, ProxyFailure } from '../../../src/core/http/tunnel';

/** A proxy that records what it was asked and answers with `reply` (chunks written one by one). */
async function scriptedProxy(reply: (string | Buffer)[] | 'hang up'): Promise<{ endpoint: ProxyEndpoint; asked: () => string; close: () => Promise<void> }> {
  let asked = '';
  const server = net.createServer((socket) => {
    socket.on('data', (c: Buffer) => {
      asked += c.toString('latin1');
      if (!asked.includes('\r\n\r\n')) return;
      if (reply === 'hang up') {
        socket.end();
        return;
      }
      void (async () => {
        for (const chunk of reply) {
          socket.write(chunk);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    endpoint: { protocol: 'http:', host: '127.0.0.1', port, display: `127.0.0.1:${port}` },
    asked: () => asked,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const tunnel = (proxy: ProxyEndpoint, host = 'graph.microsoft.com', port = 443) =>
  new Promise<{ err: Error | null; socket?: net.Socket }>((resolve) => openTunnel(proxy, { host, port }, (err, socket) => resolve({ err, socket })));

describe('core/http tunnel: CONNECT through scripted proxies', () => {
  it('asks for the target by host and port (an IPv6 one bracketed), with the configured credentials', async () => {
    const p = await scriptedProxy(['HTTP/1.1 200 Connection established\r\n\r\n']);
    const { err, socket } = await tunnel({ ...p.endpoint, authorization: 'Basic YTpi' });
    assert.strictEqual(err, null);
    socket!.destroy();
    assert.strictEqual(p.asked(), 'CONNECT graph.microsoft.com:443 HTTP/1.1\r\nHost: graph.microsoft.com:443\r\nProxy-Authorization: Basic YTpi\r\n\r\n');
    await p.close();
    const v6 = await scriptedProxy(['HTTP/1.0 200 OK\r\n\r\n']);
    const opened = await tunnel(v6.endpoint, '2001:db8::1', 8443);
    opened.socket?.destroy();
    assert.strictEqual(v6.asked(), 'CONNECT [2001:db8::1]:8443 HTTP/1.1\r\nHost: [2001:db8::1]:8443\r\n\r\n');
    await v6.close();
  });

  it('an answer split across packets opens the tunnel once the whole head has come, and the tunnel carries bytes both ways', async () => {
    const p = await scriptedProxy(['HTTP/1.1 200 Conn', 'ection established\r\nVia: x\r\n', '\r\n']);
    const { err, socket } = await tunnel(p.endpoint);
    assert.strictEqual(err, null);
    socket!.write('PING');
    // Polled, not timed: a busy machine only makes it wait longer.
    while (!p.asked().endsWith('PING')) await new Promise((r) => setTimeout(r, 5));
    assert.ok(p.asked().endsWith('\r\n\r\nPING'), JSON.stringify(p.asked()));
    socket!.destroy();
    await p.close();
  });

  const refusal = async (reply: (string | Buffer)[] | 'hang up', authorization?: string): Promise<ProxyFailure> => {
    const p = await scriptedProxy(reply);
    const { err, socket } = await tunnel({ ...p.endpoint, ...(authorization ? { authorization } : {}) });
    socket?.destroy();
    await p.close();
    assert.ok(err instanceof ProxyFailure, String(err));
    return err;
  };

  it('a 407 asks for credentials, naming the scheme it wants, and says when the configured ones were refused', async () => {
    const d = (port: string) => `the proxy 127.0.0.1:${port}`;
    const withScheme = await refusal(['HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Negotiate abc==\r\n\r\n']);
    assert.strictEqual(withScheme.code, 'EPROXYAUTH');
    assert.strictEqual(withScheme.message, `${d(withScheme.proxy.split(':')[1])} asks for credentials (407, Negotiate)`);
    const refused = await refusal(['HTTP/1.1 407 x\r\nproxy-authenticate:   Basic realm="corp"\r\n\r\n'], 'Basic bad');
    assert.strictEqual(refused.message, `${d(refused.proxy.split(':')[1])} asks for credentials (407, Basic); the ones configured were refused`);
    const bare = await refusal(['HTTP/1.1 407 x\r\n\r\n']);
    assert.strictEqual(bare.message, `${d(bare.proxy.split(':')[1])} asks for credentials (407)`);
  });

  it('any other answer refuses the tunnel with its status and reason, made printable; a non-HTTP answer says so', async () => {
    const policy = await refusal([Buffer.from('HTTP/1.1 403 Forbidden by policy \u00e9\r\n\r\n', 'latin1')]);
    assert.strictEqual(policy.code, 'EPROXYREFUSED');
    assert.strictEqual(policy.message, `the proxy ${policy.proxy} refused the tunnel to graph.microsoft.com (403 Forbidden by policy ?)`);
    const noReason = await refusal(['HTTP/1.1 502\r\n\r\n']);
    assert.strictEqual(noReason.message, `the proxy ${noReason.proxy} refused the tunnel to graph.microsoft.com (502)`);
    const ssh = await refusal(['SSH-2.0-OpenSSH_9.6\r\n\r\n']);
    assert.strictEqual(ssh.message, `the proxy ${ssh.proxy} refused the tunnel to graph.microsoft.com (no HTTP status)`);
    const flood = await refusal([Buffer.alloc(20 * 1024, 0x41)]);
    assert.strictEqual(flood.message, `the proxy ${flood.proxy} sent an answer that is not HTTP`);
  });

  it('a proxy that hangs up without answering fails at once (to be tried again), not after the tunnel timeout', async () => {
    const gone = await refusal('hang up');
    assert.deepStrictEqual([gone.code, gone.message], ['EPROXYUNREACHABLE', `the proxy ${gone.proxy} closed the connection without answering the tunnel request`]);
  });

  it('a proxy that is not listening, or not an http(s) proxy, is named with the cause', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((r) => server.close(r));
    const { err } = await tunnel({ protocol: 'http:', host: '127.0.0.1', port, display: `127.0.0.1:${port}` });
    assert.ok(err instanceof ProxyFailure);
    assert.deepStrictEqual([err.code, err.message], ['EPROXYUNREACHABLE', `the proxy 127.0.0.1:${port} could not be reached (ECONNREFUSED)`]);
    const socks = await tunnel({ protocol: 'unsupported', host: 'p', port: 1080, display: 'socks5://p:1080' });
    assert.ok(socks.err instanceof ProxyFailure);
    assert.deepStrictEqual([socks.err.code, socks.err.message], ['EPROXYUNSUPPORTED', 'the proxy socks5://p:1080 is not an http:// or https:// proxy']);
  });
});
