/**
 * The fake Log Analytics query API (API-FACTS 8): `POST /v1/workspaces/{id}/query` with a KQL query
 * and a timespan, run over the tenant's own sign-ins (the same records Graph serves, plus the older
 * ones only a workspace keeps). The token's audience, the Data.Read permission and the Azure role
 * on the workspace are checked as the service checks them; limits answer as it does: a row cap as
 * a partial result, the per-user query rate as 429.
 */
import type * as http from 'http';
import { type TenantConfig, type WorkspaceConfig } from '../config';
import { type TenantData } from '../data/dataset';
import { workspaceTableData, type WorkspaceTableData } from '../data/workspaceTables';
import { type Directory } from './directory';
import { type FaultInjector } from './faults';
import { readBody, type Res, sendJson, sendJsonText } from './respond';
import { type Limit, type SlidingWindows } from './throttle';
import { bearer, type TokenService } from './tokens';
import type { Row } from '../kql/evaluate';

export interface LogAnalyticsOptions {
  readonly now: () => number;
  readonly faults: FaultInjector;
  readonly throttle: SlidingWindows;
  /** Rows a query may return before the answer is cut short (the service's 500,000). */
  readonly rowLimit: number;
  /** Bytes of JSON an answer may hold before it is cut short (the service's about 100 MB). */
  readonly sizeLimit: number;
}

/** 200 queries per 30 s per user (or app), across workspaces. */
const QUERIES_PER_USER: Limit = { requests: 200, windowMs: 30_000 };
const DAY = 86_400_000;

class WorkspaceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly inner?: { code: string; message: string },
  ) {
    super(message);
  }
}

/** `start/end`, or a duration back from now (`P7D`, `PT24H`), as the request's timespan. */
function parseTimespan(text: unknown, nowMs: number): { fromMs: number; toMs: number } | undefined {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw new WorkspaceError(400, 'BadArgumentError', 'The timespan is not a string.');
  const [a, b] = text.split('/');
  if (b !== undefined) {
    const fromMs = Date.parse(a);
    const toMs = Date.parse(b);
    if (Number.isNaN(fromMs) || Number.isNaN(toMs) || fromMs > toMs) throw new WorkspaceError(400, 'BadArgumentError', `The timespan '${text.slice(0, 100)}' is not a valid ISO 8601 interval.`);
    return { fromMs, toMs };
  }
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!m || text === 'P' || text === 'PT') throw new WorkspaceError(400, 'BadArgumentError', `The timespan '${text.slice(0, 100)}' is not a valid ISO 8601 duration.`);
  const ms = (Number(m[1] ?? 0) * 24 * 3600 + Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)) * 1000;
  return { fromMs: nowMs - ms, toMs: nowMs };
}

export class LogAnalytics {
  private readonly received: string[] = [];

  constructor(
    private readonly directory: Directory,
    private readonly tokens: TokenService,
    private readonly datasets: ReadonlyMap<string, TenantData>,
    private readonly options: LogAnalyticsOptions,
  ) {}

  /** The queries the fake workspaces were sent (the last 10,000), for tests to see what went out. */
  queries(): readonly string[] {
    return [...this.received];
  }

  async handle(req: http.IncomingMessage, res: Res, url: URL): Promise<boolean> {
    const m = /^\/v1\/workspaces\/([^/]+)\/query$/.exec(url.pathname);
    if (!m) return false;
    try {
      if (req.method !== 'POST') throw new WorkspaceError(405, 'MethodNotAllowed', 'Queries are sent with POST.');
      await this.serve(req, res, decodeURIComponent(m[1]).toLowerCase());
    } catch (e) {
      if (e instanceof WorkspaceError) sendJson(res, e.status, { error: { code: e.code, message: e.message, ...(e.inner ? { innererror: e.inner } : {}) } }, e.status === 429 ? { 'Retry-After': '2' } : {});
      else sendJson(res, 500, { error: { code: 'InternalServerError', message: 'An unexpected error occurred.' } });
    }
    return true;
  }

  private authorize(req: http.IncomingMessage, workspaceId: string): { tenant: TenantConfig; workspace: WorkspaceConfig; caller: string } {
    const token = bearer(req.headers.authorization);
    if (!token) throw new WorkspaceError(401, 'AuthorizationRequiredError', 'Valid authentication was not provided');
    const verified = this.tokens.verify(token, this.options.now());
    if ('problem' in verified) throw new WorkspaceError(403, 'InvalidTokenError', `The provided authentication is not valid for this resource: ${verified.problem}`);
    const claims = verified.claims;
    const tenant = this.directory.tenantById(claims.tid);
    if (!tenant || this.directory.resourceKind(tenant, claims.aud) !== 'logAnalytics') throw new WorkspaceError(403, 'InvalidTokenError', `The provided authentication is not valid for this resource: the token's audience ${claims.aud} is not the Log Analytics API.`);
    const workspace = tenant.workspaces?.find((w) => w.id === workspaceId);
    if (!workspace) throw new WorkspaceError(404, 'WorkspaceNotFoundError', `The workspace could not be found: ${workspaceId.slice(0, 64)}`);
    const granted = claims.idtyp === 'app' ? (claims.roles ?? []) : (claims.scp ?? '').split(' ');
    if (!granted.includes('Data.Read')) throw new WorkspaceError(403, 'InsufficientAccessError', 'The provided credentials have insufficient access to perform the requested operation', { code: 'MissingPermission', message: 'The token does not carry the Log Analytics API permission Data.Read.' });
    const caller = claims.idtyp === 'app' ? claims.appid : (claims.oid ?? '');
    if (!workspace.readers.includes(caller)) {
      throw new WorkspaceError(403, 'InsufficientAccessError', 'The provided credentials have insufficient access to perform the requested operation', {
        code: 'AuthorizationFailed',
        message: `The client '${caller}' does not have authorization to perform action 'Microsoft.OperationalInsights/workspaces/query/read' over scope '/subscriptions/00000000-0000-4000-8000-0000000000aa/resourceGroups/security/providers/Microsoft.OperationalInsights/workspaces/${workspace.name}'.`,
      });
    }
    return { tenant, workspace, caller };
  }

  private async serve(req: http.IncomingMessage, res: Res, workspaceId: string): Promise<void> {
    const { tenant, workspace, caller } = this.authorize(req, workspaceId);
    const now = this.options.now();
    const admitted = this.options.throttle.take(`la:${caller}`, QUERIES_PER_USER, now);
    if (!admitted.ok) throw new WorkspaceError(429, 'ThrottledError', 'Your request was throttled: more than 200 queries in 30 seconds. Retry after the time in Retry-After.');
    const fault = this.options.faults.next(`/v1/workspaces/${workspaceId}/query`);
    if (fault === '429') throw new WorkspaceError(429, 'ThrottledError', 'Your request was throttled.');
    if (fault === '504') throw new WorkspaceError(504, 'GatewayTimeout', 'The query took longer than allowed and was cancelled.');
    if (fault === '500' || fault === '502' || fault === '503') throw new WorkspaceError(Number(fault), 'ServiceUnavailable', 'The service is temporarily unavailable.');
    if (fault === 'reset') {
      res.destroy();
      return;
    }
    // Links and redirects are Graph's and the Management API's faults; a query has none.
    let body: { query?: unknown; timespan?: unknown };
    try {
      body = JSON.parse(await readBody(req)) as typeof body;
    } catch {
      throw new WorkspaceError(400, 'BadArgumentError', 'The request body is not valid JSON.');
    }
    if (typeof body?.query === 'string') {
      this.received.push(body.query.slice(0, 10_000));
      if (this.received.length > 10_000) this.received.shift();
    }
    if (typeof body?.query !== 'string' || body.query.trim() === '') throw new WorkspaceError(400, 'BadArgumentError', 'The request had some invalid properties', { code: 'QueryMissing', message: 'The query is missing.' });
    const data = this.datasets.get(tenant.id);
    if (!data) throw new WorkspaceError(404, 'WorkspaceNotFoundError', 'The workspace could not be found.');
    // What the workspace holds: its retention back from now, narrowed to the request's timespan.
    const span = parseTimespan(body.timespan, now);
    const kept = { fromMs: Math.max(now - workspace.retentionDays * DAY, span?.fromMs ?? -Infinity), toMs: Math.min(now, span?.toMs ?? Infinity) };
    const { evaluate } = await import('../kql/evaluate');
    const { KqlError } = await import('../kql/parse');
    const { KDate } = await import('../kql/scalars');
    const tables = new Set(workspace.tables);
    const rowsOf = function* (table: WorkspaceTableData): Generator<Row> {
      const datetimes = table.columns.filter((c) => c.type === 'datetime').map((c) => c.name);
      for (const row of table.rows(kept.fromMs, kept.toMs)) {
        for (const d of datetimes) row[d] = new KDate(row[d] as number);
        yield row as Row;
      }
    };
    let result;
    try {
      result = evaluate(
        body.query,
        {
          now,
          table: (name) => {
            const table = tables.has(name) ? workspaceTableData(data, tenant.id, name) : undefined;
            return table && { columns: table.columns, rows: rowsOf(table) };
          },
        },
        this.options.rowLimit,
      );
    } catch (e) {
      if (e instanceof KqlError) throw new WorkspaceError(400, 'BadArgumentError', 'The request had some invalid properties', { code: e.inner, message: e.message });
      throw e;
    }
    const cell = (v: unknown): unknown => (v instanceof KDate ? new Date(v.ms).toISOString() : v !== null && typeof v === 'object' ? JSON.stringify(v) : (v ?? null));
    // Rows are written one at a time so an answer stops before the size limit, as the service's
    // does: the rows that fit, and a partial result that says which limit was reached.
    const rows: string[] = [];
    let bytes = 0;
    let cutBySize = false;
    for (const r of result.rows) {
      const text = JSON.stringify(result.columns.map((c) => cell(r[c.name])));
      if (bytes + text.length + 1 > this.options.sizeLimit) {
        cutBySize = true;
        break;
      }
      bytes += text.length + 1;
      rows.push(text);
    }
    const limit = cutBySize ? `Query result set has exceeded the internal data size limit ${this.options.sizeLimit} (E_QUERY_RESULT_SET_TOO_LARGE)` : result.truncated ? `Query result set has exceeded the internal record count limit ${this.options.rowLimit}` : undefined;
    const error = limit ? { code: 'PartialError', message: 'There were some errors when processing your query.', details: [{ code: 'EngineError', message: limit }] } : undefined;
    sendJsonText(res, 200, `{"tables":[{"name":"PrimaryResult","columns":${JSON.stringify(result.columns)},"rows":[${rows.join(',')}]}]${error ? `,"error":${JSON.stringify(error)}` : ''}}`);
  }
}
