/** Server-side paging over an indexed source, with Graph-style opaque skip tokens. */

export interface IndexedSource {
  /** Index range [from, to) to scan. */
  readonly from: number;
  readonly to: number;
  /** The record at an index, or undefined when the index holds nothing for this query. */
  at(index: number): Record<string, unknown> | undefined;
}

export interface PageRequest {
  readonly top: number;
  readonly ascending: boolean;
  readonly skipToken?: string;
  readonly predicate?: (record: Record<string, unknown>) => boolean;
  /** Most indices one request examines before it answers with what it has (Graph returns short pages too). */
  readonly scanLimit: number;
}

export interface Page {
  readonly items: Record<string, unknown>[];
  /** The skip token for the next page, when there may be more. */
  readonly next?: string;
}

export class BadSkipToken extends Error {}

export function encodeSkipToken(position: number, ascending: boolean): string {
  return Buffer.from(JSON.stringify({ p: position, a: ascending ? 1 : 0 })).toString('base64url');
}

function decodeSkipToken(token: string, ascending: boolean): number {
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { p?: unknown; a?: unknown };
    if (Number.isSafeInteger(v.p) && (v.a === 1) === ascending) return v.p as number;
  } catch {
    // fall through
  }
  throw new BadSkipToken('The skip token is not valid for this query.');
}

export function readPage(source: IndexedSource, req: PageRequest): Page {
  const items: Record<string, unknown>[] = [];
  const step = req.ascending ? -1 : 1;
  let pos = req.skipToken !== undefined ? decodeSkipToken(req.skipToken, req.ascending) : req.ascending ? source.to - 1 : source.from;
  const inRange = (p: number) => p >= source.from && p < source.to;
  let scanned = 0;
  while (inRange(pos) && items.length < req.top && scanned < req.scanLimit) {
    const r = source.at(pos);
    if (r && (!req.predicate || req.predicate(r))) items.push(r);
    pos += step;
    scanned++;
  }
  return { items, next: inRange(pos) ? encodeSkipToken(pos, req.ascending) : undefined };
}
