/**
 * The fake Microsoft Graph (v1.0 and beta): identity-log endpoints with real `$filter` parsing and
 * per-property rules, `$top` caps, skip-token paging with absolute next links, permissions and
 * licences, the documented throttles, wide-query slowness, and injected faults.
 */
import type * as http from 'http';
import { type TenantData } from '../data/dataset';
import { type Expr, FilterSyntaxError } from '../odata/ast';
import { compileFilter, timeBounds } from '../odata/evaluate';
import { parseFilter } from '../odata/parser';
import { RISKY_SERVICE_PRINCIPAL_RULES, RISKY_USER_HISTORY_RULES } from '../odata/rules';
import { validateFilter } from '../odata/validate';
import { type Collection, collectionFor, type Family, recordById } from './graphCollections';
import { HttpError, project, writeBody } from './graphResponse';
import * as access from './access';
import { type Directory } from './directory';
import { type FaultInjector, type FaultKind } from './faults';
import { BadSkipToken, readPage } from './paging';
import { graphError, type RequestIds, requestIds, type Res } from './respond';
import { type RiskActionRecord, riskActionRoute, runRiskAction } from './riskActions';
import { IDENTITY_PROTECTION_PER_TENANT, REPORTS_PER_APP_GLOBAL, REPORTS_PER_APP_TENANT, type SlidingWindows } from './throttle';
import { type TokenService } from './tokens';

export interface GraphOptions {
  readonly origin: () => string;
  readonly now: () => number;
  readonly timeScale: number;
  readonly latencyMs: number;
  readonly gatewayTimeoutSeconds: number;
  /** Service time a filtered sign-in query spends per day of window; 0 turns wide-query slowness off. */
  readonly wideQuerySecondsPerDay: number;
  readonly faults: FaultInjector;
  readonly throttle: SlidingWindows;
  readonly scanLimit: number;
}

const DAY = 86_400_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Graph {
  /** Requests served, by path family, for tests and the benchmark. */
  readonly served = new Map<string, number>();
  /** Every risk action call that reached the handler, in order, for tests. */
  readonly riskActions: RiskActionRecord[] = [];

  constructor(
    private readonly directory: Directory,
    private readonly tokens: TokenService,
    private readonly datasets: ReadonlyMap<string, TenantData>,
    private readonly options: GraphOptions,
  ) {}

  async handle(req: http.IncomingMessage, res: Res, url: URL): Promise<boolean> {
    const m = /^\/(v1\.0|beta)(\/.*)$/.exec(url.pathname);
    if (!m) return false;
    const version = m[1] as 'v1.0' | 'beta';
    const path = m[2].replace(/\/+$/, '');
    const ids = requestIds(req);
    try {
      await this.serve(req, res, url, version, path, ids);
    } catch (e) {
      if (e instanceof HttpError) graphError(res, ids, e.status, e.code, e.message);
      else if (e instanceof FilterSyntaxError) graphError(res, ids, 400, 'BadRequest', `Invalid filter clause: ${e.message} (at position ${e.pos})`);
      else if (e instanceof BadSkipToken) graphError(res, ids, 400, 'BadRequest', e.message);
      else graphError(res, ids, 500, 'InternalServerError', e instanceof Error ? e.message : 'Internal error');
    }
    return true;
  }

  private async serve(req: http.IncomingMessage, res: Res, url: URL, version: 'v1.0' | 'beta', path: string, ids: RequestIds): Promise<void> {
    const caller = access.callerOf(req, this.tokens, this.directory, this.options.now());
    const data = this.datasets.get(caller.tenant.id) as TenantData;
    if (this.options.latencyMs > 0) await sleep(this.options.latencyMs);

    const family: Family = path.startsWith('/identityProtection') ? 'identityProtection' : 'reports';
    const fault = this.options.faults.next(path);
    if (fault === 'redirectLoop') {
      res.writeHead(302, { Location: url.toString(), 'Content-Length': 0 });
      res.end();
      return;
    }
    if (fault && (await this.preResponseFault(res, ids, fault, family))) return;
    if (!this.admit(res, ids, caller, family)) return;
    this.served.set(family, (this.served.get(family) ?? 0) + 1);

    const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
    const riskAction = req.method === 'POST' ? riskActionRoute(seg) : undefined;
    if (riskAction) {
      await runRiskAction(riskAction, { req, res, ids, caller, data, fault, now: this.options.now(), log: this.riskActions });
      return;
    }
    if (req.method !== 'GET') throw new HttpError(405, 'Request_BadRequest', `The method ${req.method} is not allowed on ${path}.`);

    const key = `${seg[0]}/${seg[1]}`;
    const collection = collectionFor(key, version);
    if (!collection) throw new HttpError(400, 'BadRequest', `Resource not found for the segment '${seg[seg.length - 1] ?? ''}'.`);
    const denial = collection.check(caller);
    if (denial) throw new HttpError(denial.status, denial.code, denial.message);

    if (seg.length === 2) {
      await this.list(res, url, ids, version, key, collection, data, caller, fault);
    } else if (seg.length === 3) {
      this.single(res, ids, version, key, data, caller, seg[2]);
    } else if (seg.length >= 4 && (key === 'identityProtection/riskyUsers' || key === 'identityProtection/riskyServicePrincipals') && seg[3] === 'history') {
      this.history(res, url, ids, version, data, seg[1], seg[2], seg[4], fault);
    } else throw new HttpError(400, 'BadRequest', `Resource not found for the segment '${seg[seg.length - 1]}'.`);
  }

  private admit(res: Res, ids: RequestIds, caller: access.Caller, family: Family): boolean {
    const now = this.options.now();
    const t = this.options.throttle;
    const verdict =
      family === 'reports'
        ? (() => {
            const a = t.take(`reports:${caller.tenant.id}:${caller.claims.appid}`, REPORTS_PER_APP_TENANT, now);
            if (!a.ok) return a;
            return t.take(`reports-app:${caller.claims.appid}`, REPORTS_PER_APP_GLOBAL, now);
          })()
        : t.take(`idp:${caller.tenant.id}`, IDENTITY_PROTECTION_PER_TENANT, now);
    if (verdict.ok) return true;
    // Identity Protection's 429 carries no Retry-After (API-FACTS 2); the client must back off on its own.
    const headers: Record<string, string> = family === 'reports' ? { 'Retry-After': (verdict.retryAfterMs / 1000).toFixed(3).replace(/\.?0+$/, '') || '0.001' } : {};
    graphError(res, ids, 429, 'TooManyRequests', 'Please retry again later.', headers);
    return false;
  }

  /** Faults that replace the response entirely. Returns true when the response was sent. */
  private async preResponseFault(res: Res, ids: RequestIds, fault: FaultKind, family: Family): Promise<boolean> {
    switch (fault) {
      case '429': {
        const headers: Record<string, string> = family === 'reports' ? { 'Retry-After': String(Math.max(0.001, 2 * this.options.timeScale)) } : {};
        graphError(res, ids, 429, 'TooManyRequests', 'Please retry again later.', headers);
        return true;
      }
      case '500':
        graphError(res, ids, 500, 'InternalServerError', 'An internal server error occurred.');
        return true;
      case '502':
        graphError(res, ids, 502, 'BadGateway', 'Bad gateway.');
        return true;
      case '503':
        graphError(res, ids, 503, 'ServiceUnavailable', 'The service is temporarily unavailable.', { 'Retry-After': String(Math.max(0.001, 1 * this.options.timeScale)) });
        return true;
      case '504':
        graphError(res, ids, 504, 'GatewayTimeout', 'The gateway did not receive a timely response from the upstream server.');
        return true;
      case 'latency':
        await sleep(this.options.faults.latencySpikeMs);
        return false;
      default:
        return false;
    }
  }

  private parseQuery(url: URL, collection: Collection, data: TenantData): { filter?: Expr; top: number; ascending: boolean; skipToken?: string; select?: string[] } {
    const q = url.searchParams;
    const allowed = new Set(['$filter', '$top', '$skiptoken', '$orderby', ...(collection.select ? ['$select'] : [])]);
    for (const k of q.keys()) {
      if (k.startsWith('$') && !allowed.has(k)) throw new HttpError(400, 'BadRequest', `Query option '${k}' is not supported on ${collection.entity}.`);
    }
    let filter: Expr | undefined;
    const raw = q.get('$filter');
    if (raw !== null) {
      filter = parseFilter(raw);
      validateFilter(filter, { rules: collection.rules, oldestAllowedMs: this.options.now() - data.retentionMs });
    }
    let top = collection.defaultTop;
    const rawTop = q.get('$top');
    if (rawTop !== null) {
      if (!/^\d+$/.test(rawTop) || Number(rawTop) < 1) throw new HttpError(400, 'BadRequest', `Invalid value '${rawTop}' for $top.`);
      top = Math.min(Number(rawTop), collection.maxTop);
    }
    let ascending = false;
    const orderby = q.get('$orderby');
    if (orderby !== null) {
      const m = /^\s*(\w+)(\s+(asc|desc))?\s*$/i.exec(orderby);
      if (!m || !collection.orderBy || m[1] !== collection.orderBy) throw new HttpError(400, 'BadRequest', `$orderby is supported on ${collection.orderBy ?? 'no property'} only.`);
      ascending = (m[3] ?? 'asc').toLowerCase() === 'asc';
    }
    let select: string[] | undefined;
    const rawSelect = q.get('$select');
    if (rawSelect !== null) select = rawSelect.split(',').map((s) => s.trim()).filter(Boolean);
    return { filter, top, ascending, skipToken: q.get('$skiptoken') ?? undefined, select };
  }

  private async list(res: Res, url: URL, ids: RequestIds, version: string, key: string, collection: Collection, data: TenantData, caller: access.Caller, fault: FaultKind | undefined): Promise<void> {
    const query = this.parseQuery(url, collection, data);
    const source = collection.source(data, query.filter, caller);
    if ('error' in source) throw new HttpError(400, 'BadRequest', `Invalid filter clause: ${source.error}`);
    if (key === 'auditLogs/signIns' && query.filter && this.options.wideQuerySecondsPerDay > 0) await this.wideQueryDelay(query.filter, data);
    const predicate = query.filter ? compileFilter(query.filter, collection.rules.caseSensitive) : undefined;
    const page = readPage(source, { top: query.top, ascending: query.ascending, skipToken: query.skipToken, predicate, scanLimit: this.options.scanLimit });
    let items = page.items;
    if (query.select) items = items.map((r) => project(r, query.select as string[], collection.entity));
    let nextLink: string | undefined;
    if (page.next) {
      const next = new URL(url.toString().replace(/^https?:\/\/[^/]+/, this.options.origin()));
      next.searchParams.delete('$skiptoken');
      next.searchParams.set('$skiptoken', page.next);
      nextLink = next.toString();
    }
    const body: Record<string, unknown> = { '@odata.context': `${this.options.origin()}/${version}/$metadata#${key}`, value: items };
    if (fault === 'foreignNextLink') nextLink = `https://graph.microsoft.com.evil.test/${version}/${key}?$skiptoken=${page.next ?? 'stolen'}`;
    if (nextLink) body['@odata.nextLink'] = nextLink;
    writeBody(res, ids, body, fault);
  }

  private async wideQueryDelay(filter: Expr, data: TenantData): Promise<void> {
    const now = this.options.now();
    const { geMs, leMs } = timeBounds(filter, 'createdDateTime');
    const from = Math.max(geMs, now - data.retentionMs);
    const to = Math.min(leMs, now);
    const days = Math.max(0, to - from) / DAY;
    const serviceSeconds = days * this.options.wideQuerySecondsPerDay;
    if (serviceSeconds > this.options.gatewayTimeoutSeconds) {
      await sleep(this.options.gatewayTimeoutSeconds * 1000 * this.options.timeScale);
      throw new HttpError(504, 'GatewayTimeout', 'The request timed out. Narrow the time window of the query.');
    }
    await sleep(serviceSeconds * 1000 * this.options.timeScale);
  }

  private single(res: Res, ids: RequestIds, version: string, key: string, data: TenantData, caller: access.Caller, id: string): void {
    const notFound = () => new HttpError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
    const record = recordById(key, version, data, caller, id);
    if (!record) throw notFound();
    writeBody(res, ids, { '@odata.context': `${this.options.origin()}/${version}/$metadata#${key}/$entity`, ...record }, undefined);
  }

  private history(res: Res, url: URL, ids: RequestIds, version: string, data: TenantData, collection: string, userId: string, itemId: string | undefined, fault: FaultKind | undefined): void {
    const user = collection === 'riskyServicePrincipals' ? data.riskyServicePrincipals.get(userId.toLowerCase()) : data.riskyUsers.get(userId.toLowerCase());
    if (!user) throw new HttpError(404, 'Request_ResourceNotFound', `Resource '${userId}' does not exist or one of its queried reference-property objects are not present.`);
    const items = [...user.history].reverse();
    if (itemId) {
      const item = items.find((h) => h.riskLastUpdatedDateTime === itemId || `${h.id}-${items.indexOf(h)}` === itemId);
      if (!item) throw new HttpError(404, 'Request_ResourceNotFound', `Resource '${itemId}' does not exist.`);
      writeBody(res, ids, item, fault);
      return;
    }
    const raw = url.searchParams.get('$filter');
    let list = items;
    if (raw !== null) {
      const filter = parseFilter(raw);
      validateFilter(filter, { rules: collection === 'riskyServicePrincipals' ? RISKY_SERVICE_PRINCIPAL_RULES : RISKY_USER_HISTORY_RULES });
      const pred = compileFilter(filter, false);
      list = list.filter(pred);
    }
    writeBody(res, ids, { '@odata.context': `${this.options.origin()}/${version}/$metadata#identityProtection/${collection}('${user.id}')/history`, value: list }, fault);
  }
}

export type { RiskActionRecord } from './riskActions';
