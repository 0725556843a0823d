/** How the fake Graph answers: its error type, `$select` projection, and bodies damaged by faults in transit. */
import { type FaultKind } from './faults';
import { encodeBody, type RequestIds, type Res } from './respond';

/** A Graph error response: HTTP status, Graph error code and message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function project(record: Record<string, unknown>, select: string[], entity: string): Record<string, unknown> {
  const out: Record<string, unknown> = { id: record.id };
  for (const name of select) {
    if (!(name in record)) throw new HttpError(400, 'BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.${entity}'.`);
    out[name] = record[name];
  }
  return out;
}

/** Writes a JSON body, applying the faults that damage a body in transit. */
export function writeBody(res: Res, ids: RequestIds, body: Record<string, unknown>, fault: FaultKind | undefined): void {
  // Compressed first when asked: the faults damage the bytes in transit, as a network would.
  const encoded = encodeBody(res, Buffer.from(JSON.stringify(body)));
  const headers = { 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8', 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId, ...encoded.headers };
  const bytes = encoded.body;
  if (fault === 'reset') {
    res.writeHead(200, { ...headers, 'Content-Length': bytes.length });
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    setImmediate(() => res.socket?.destroy());
    return;
  }
  if (fault === 'truncate') {
    const cut = bytes.subarray(0, Math.max(1, Math.floor(bytes.length * 0.6)));
    res.writeHead(200, { ...headers, 'Content-Length': cut.length });
    res.end(cut);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': bytes.length });
  res.end(bytes);
}
