/**
 * The Log Analytics query API (API-FACTS 8): one POST per query, no paging, results as tables of
 * typed columns. Rows become records keyed by column name; a row that is not one (wrong length,
 * not an array) becomes an unreadable record and the others stay. A partial result (HTTP 200 with
 * PartialError) is returned with its reason, so the caller can narrow the slice and ask again.
 */
import { type ApiClient } from '../http/client';
import { type LogRecord, UnreadableRecord, jsonText, screenRecord } from '../records/untrusted';

/** A column as the API declares it: `string`, `datetime`, `int`, `long`, `real`, `bool`, `dynamic`, `guid`, `timespan`. */
export interface WorkspaceColumn {
  readonly name: string;
  readonly type: string;
}

export interface WorkspaceResult {
  readonly columns: readonly WorkspaceColumn[];
  readonly records: readonly LogRecord[];
  /** The service stopped early (row or size cap, timeout): what it said. */
  readonly partial?: { readonly code: string; readonly message: string };
}

/** An answer that is not the query API's table shape. */
export class WorkspaceResponseError extends Error {
  readonly code = 'UnreadableResponse';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads the API's answer; the first table is the query's result (PrimaryResult). */
export function parseQueryResponse(body: unknown): WorkspaceResult {
  // 204: a workspace with no data at all answers with no body.
  if (body === undefined) return { columns: [], records: [] };
  const tables = typeof body === 'object' && body !== null ? (body as { tables?: unknown }).tables : undefined;
  if (!Array.isArray(tables)) throw new WorkspaceResponseError('The workspace answered without a result table.');
  const first = tables[0] as { columns?: unknown; rows?: unknown } | undefined;
  if (!first || !Array.isArray(first.columns) || !Array.isArray(first.rows)) throw new WorkspaceResponseError('The workspace’s result table has no columns or rows.');
  const columns = first.columns.map((c: unknown, i): WorkspaceColumn => {
    const name = str((c as { name?: unknown } | null)?.name);
    const type = str((c as { type?: unknown } | null)?.type) ?? 'string';
    // A column without a usable name keeps its place, so the other columns still line up.
    return { name: name && name.length <= 256 ? name : `Column${i + 1}`, type };
  });
  const records = first.rows.map((row: unknown): LogRecord => {
    if (!Array.isArray(row) || row.length !== columns.length) return new UnreadableRecord(`a row with ${Array.isArray(row) ? row.length : 'no'} values for ${columns.length} columns`, jsonText(row));
    const record: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      // Built key by key on a plain object: a column named __proto__ is data, not a prototype.
      Object.defineProperty(record, c.name, { value: row[i], enumerable: true, writable: true, configurable: true });
    });
    return screenRecord(record);
  });
  const error = (body as { error?: unknown }).error;
  const e = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : undefined;
  // The service's top message is generic ("There were some errors…"); its details say which limit.
  const details = Array.isArray(e?.details) ? e.details.slice(0, 5).map((d: unknown) => str((d as { message?: unknown } | null)?.message)).filter((m): m is string => m !== undefined) : [];
  return { columns, records, ...(e ? { partial: { code: str(e.code) ?? 'PartialError', message: details.length > 0 ? details.join('; ').slice(0, 500) : (str(e.message) ?? 'The workspace returned part of the result.') } } : {}) };
}

export interface WorkspaceQuery {
  readonly workspaceId: string;
  readonly query: string;
  /** ISO 8601 interval (`start/end`); the query's own time filter should say the same. */
  readonly timespan?: string;
  /** How long the service may run it (Prefer: wait=), at most 600 s. */
  readonly waitSeconds?: number;
  readonly signal?: AbortSignal;
}

/** One workspace connection: the tenant's client (token, allowlist, pacing, retries) and the query host. */
export class LogAnalyticsApi {
  constructor(
    private readonly client: ApiClient,
    private readonly origin: string,
  ) {}

  async query(q: WorkspaceQuery): Promise<WorkspaceResult> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(q.workspaceId)) throw new Error('A workspace id is a GUID (Log Analytics workspace › Overview › Workspace ID).');
    const wait = Math.min(600, Math.max(1, Math.round(q.waitSeconds ?? 180)));
    const res = await this.client.request(`${this.origin}/v1/workspaces/${q.workspaceId.toLowerCase()}/query`, {
      resource: 'logAnalytics',
      limit: 'logAnalytics',
      method: 'POST',
      body: { query: q.query, ...(q.timespan ? { timespan: q.timespan } : {}) },
      extraHeaders: { Prefer: `wait=${wait}` },
      // A slow slice is narrowed by the caller, not sent again as it was.
      timeoutsToCaller: true,
      signal: q.signal,
    });
    return parseQueryResponse(res.body);
  }
}
