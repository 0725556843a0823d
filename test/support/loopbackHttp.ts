import * as http from 'http';
import { type AddressInfo } from 'net';
import { type FetchLike, httpTransport } from '../../src/core/http/transport';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * A plain HTTP server on loopback whose answers a test scripts (`handle`), and the extension's own
 * transport pointed at it through one agent. Registers its start and stop as the suite's hooks.
 */
export function loopbackHttp(keepAlive: boolean): { origin: () => string; handle: (h: Handler) => void; fetch: FetchLike } {
  let server: http.Server;
  let origin = '';
  let handler: Handler = () => undefined;
  const agent = new http.Agent({ keepAlive });
  before(async () => {
    server = http.createServer((req, res) => handler(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    agent.destroy();
    await new Promise((r) => server.close(r));
  });
  return { origin: () => origin, handle: (h) => (handler = h), fetch: httpTransport({ agentFor: () => agent }) };
}
