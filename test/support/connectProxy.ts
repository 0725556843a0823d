/**
 * A real HTTP CONNECT proxy on loopback, as corporate networks have: it opens tunnels (from a
 * chosen loopback source address, so a fake tenant can accept only its connections), can demand
 * Basic credentials or refuse by policy, and logs every tunnel it was asked for.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as net from 'net';

export interface ProxyLogEntry {
  readonly target: string;
  readonly status: number;
}

export interface ConnectProxy {
  readonly url: string;
  readonly log: ProxyLogEntry[];
  /** Requests that were not CONNECT (a client that sent a plain request to the proxy). */
  readonly plainRequests: number;
  close(): Promise<void>;
}

export interface ConnectProxyOptions {
  /** The source address of the proxy's own connections to targets. */
  readonly upstreamFrom?: string;
  /** The Proxy-Authorization value the proxy demands; without it, 407. */
  readonly requireAuthorization?: string;
  /** Refuse every tunnel with 403, as a policy that blocks the host. */
  readonly refuseAll?: boolean;
}

export async function startConnectProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const log: ProxyLogEntry[] = [];
  let plain = 0;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    plain++;
    res.writeHead(405, { Connection: 'close' });
    res.end('This proxy only opens tunnels.');
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    const answer = (status: number, text: string, extra = '') => {
      log.push({ target, status });
      client.end(`HTTP/1.1 ${status} ${text}\r\n${extra}Content-Length: 0\r\n\r\n`);
    };
    if (options.requireAuthorization && req.headers['proxy-authorization'] !== options.requireAuthorization) {
      answer(407, 'Proxy Authentication Required', 'Proxy-Authenticate: Basic realm="corp"\r\n');
      return;
    }
    if (options.refuseAll) {
      answer(403, 'Forbidden by policy');
      return;
    }
    const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(target);
    if (!m) {
      answer(400, 'Bad Request');
      return;
    }
    const upstream = net.connect({ host: m[1].replace(/^\[|\]$/g, ''), port: Number(m[2]), ...(options.upstreamFrom ? { localAddress: options.upstreamFrom } : {}) });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      log.push({ target, status: 200 });
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => {
      if (connected) client.destroy();
      else answer(502, 'Bad Gateway');
    });
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    get plainRequests() {
      return plain;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
