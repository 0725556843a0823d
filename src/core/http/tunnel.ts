/**
 * Keep-alive agents that reach their host through an HTTP CONNECT tunnel. Written over raw sockets
 * rather than with a proxy-agent package for two reasons: the CONNECT itself must not go through
 * http.request, which VS Code patches to route through the proxy again; and the proxy's own
 * refusal (407, 403) must surface as the proxy's, while the packages replay it as if the service
 * had answered, where a 403 would be read as a Graph permission error.
 */
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import type { Duplex } from 'stream';
import * as tls from 'tls';
import type { ProxyEndpoint } from './proxy';

export type ProxyFailureCode = 'EPROXYAUTH' | 'EPROXYREFUSED' | 'EPROXYUNREACHABLE' | 'EPROXYUNSUPPORTED';

/** The proxy, not the service, stopped the request. */
export class ProxyFailure extends Error {
  constructor(
    readonly code: ProxyFailureCode,
    /** The proxy's host:port (never its credentials), which the user must check. */
    readonly proxy: string,
    message: string,
  ) {
    super(message);
  }
}

/** The longest CONNECT answer head we read: a proxy's error page can follow it, but we never need it. */
const MAX_HEAD = 16 * 1024;
const TUNNEL_TIMEOUT_MS = 30_000;

/** Printable, short: the proxy's reason phrase and challenge are untrusted text. */
function clean(s: string, max = 80): string {
  return s.replace(/[^\x20-\x7e]/g, '?').slice(0, max);
}

interface Target {
  readonly host: string;
  readonly port: number;
}

/** Opens a tunnel to `target` through `proxy`; the callback gets a raw socket to the target. */
export function openTunnel(proxy: ProxyEndpoint, target: Target, done: (err: Error | null, socket?: net.Socket) => void): void {
  if (proxy.protocol === 'unsupported') {
    done(new ProxyFailure('EPROXYUNSUPPORTED', proxy.display, `the proxy ${proxy.display} is not an http:// or https:// proxy`));
    return;
  }
  let finished = false;
  const finish = (err: Error | null, socket?: net.Socket) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    done(err, socket);
  };
  const socket: net.Socket =
    proxy.protocol === 'https:' ? tls.connect({ host: proxy.host, port: proxy.port, servername: net.isIP(proxy.host) ? undefined : proxy.host }) : net.connect({ host: proxy.host, port: proxy.port });
  const timer = setTimeout(() => {
    socket.destroy();
    finish(new ProxyFailure('EPROXYUNREACHABLE', proxy.display, `the proxy ${proxy.display} did not open a tunnel within ${TUNNEL_TIMEOUT_MS / 1000} s`));
  }, TUNNEL_TIMEOUT_MS);
  const onError = (e: NodeJS.ErrnoException) => finish(new ProxyFailure('EPROXYUNREACHABLE', proxy.display, `the proxy ${proxy.display} could not be reached (${clean(e.code ?? e.message, 40)})`));
  socket.once('error', onError);
  // A proxy that hangs up without answering would otherwise leave the request waiting out the timer.
  // Unreachable, not refused: it said no answer, so a later try (a restarted proxy) may succeed.
  socket.once('close', () => finish(new ProxyFailure('EPROXYUNREACHABLE', proxy.display, `the proxy ${proxy.display} closed the connection without answering the tunnel request`)));
  const authority = `${net.isIPv6(target.host) ? `[${target.host}]` : target.host}:${target.port}`;
  socket.once(proxy.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
    socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${proxy.authorization ? `Proxy-Authorization: ${proxy.authorization}\r\n` : ''}\r\n`);
  });
  let head = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) {
      if (head.length > MAX_HEAD) {
        socket.destroy();
        finish(new ProxyFailure('EPROXYREFUSED', proxy.display, `the proxy ${proxy.display} sent an answer that is not HTTP`));
      }
      return;
    }
    socket.off('data', onData);
    const lines = head.subarray(0, end).toString('latin1').split('\r\n');
    const status = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(lines[0]);
    const code = status ? Number(status[1]) : 0;
    if (code >= 200 && code < 300) {
      socket.off('error', onError);
      const rest = head.subarray(end + 4);
      if (rest.length) socket.unshift(rest);
      finish(null, socket);
      return;
    }
    socket.destroy();
    if (code === 407) {
      const challenge = lines.find((l) => /^proxy-authenticate:/i.test(l));
      const scheme = challenge ? clean(challenge.slice(challenge.indexOf(':') + 1).trim().split(/\s+/)[0], 20) : '';
      finish(new ProxyFailure('EPROXYAUTH', proxy.display, `the proxy ${proxy.display} asks for credentials (407${scheme ? `, ${scheme}` : ''})${proxy.authorization ? '; the ones configured were refused' : ''}`));
    } else {
      finish(new ProxyFailure('EPROXYREFUSED', proxy.display, `the proxy ${proxy.display} refused the tunnel to ${clean(target.host, 100)} (${code || 'no HTTP status'}${status?.[2] ? ` ${clean(status[2])}` : ''})`));
    }
  };
  socket.on('data', onData);
}

type Oncreate = (err: Error | null, socket: Duplex) => void;
type ConnectOptions = http.ClientRequestArgs & tls.ConnectionOptions;

/** node always passes oncreate; without it there would be nowhere to hand the socket. */
function need(oncreate: Oncreate | undefined): Oncreate {
  if (!oncreate) throw new Error('A tunnelling agent needs node to pass a callback to createConnection.');
  return oncreate;
}

/** An https agent whose sockets are TLS over a tunnel; keep-alive and pooling are node's. */
export class HttpsTunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: ProxyEndpoint,
    options: https.AgentOptions,
  ) {
    super(options);
  }

  // node's Agent calls createConnection(options, oncreate) and accepts the socket through oncreate.
  override createConnection(options: ConnectOptions, callback?: Oncreate): undefined {
    const oncreate = need(callback);
    const host = options.hostname ?? options.host ?? 'localhost';
    openTunnel(this.proxy, { host, port: Number(options.port) || 443 }, (err, raw) => {
      if (err || !raw) return oncreate(err ?? new Error('no tunnel'), undefined as never);
      // The target's TLS runs inside the tunnel with the agent's own options (its CA, for the fake tenant).
      const secure = tls.connect({ ca: options.ca, rejectUnauthorized: options.rejectUnauthorized, session: options.session, ALPNProtocols: options.ALPNProtocols, socket: raw, servername: options.servername || (net.isIP(host) ? undefined : host) });
      oncreate(null, secure);
    });
    return undefined;
  }
}

/** A plain-http agent over a tunnel (plain http targets are loopback only, see parseLocalOrigin). */
export class HttpTunnelAgent extends http.Agent {
  constructor(
    private readonly proxy: ProxyEndpoint,
    options: http.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: ConnectOptions, callback?: Oncreate): undefined {
    const oncreate = need(callback);
    openTunnel(this.proxy, { host: options.hostname ?? options.host ?? 'localhost', port: Number(options.port) || 80 }, (err, raw) => oncreate(err, raw as Duplex));
    return undefined;
  }
}
