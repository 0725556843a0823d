/**
 * The fake Office 365 Management Activity API (API-FACTS 3): subscriptions per content type,
 * content listing over contentCreated windows with NextPageUri paging, blobs that expire after
 * 7 days, AF error codes, and AF429 throttling sent as HTTP 403.
 */
import type * as http from 'http';
import { type TenantData } from '../data/dataset';
import { type ContentType, CONTENT_TYPES, o365Time } from '../data/o365';
import { type Directory } from './directory';
import { type FaultInjector } from './faults';
import { afError, encodeBody, type Res, sendJson } from './respond';
import { O365_PER_TENANT, type SlidingWindows } from './throttle';
import { bearer, type TokenService } from './tokens';

export interface ManageOptions {
  readonly origin: () => string;
  readonly now: () => number;
  readonly timeScale: number;
  readonly latencyMs: number;
  readonly faults: FaultInjector;
  readonly throttle: SlidingWindows;
  readonly contentPageSize: number;
}

interface Subscription {
  status: 'enabled' | 'disabled';
  webhook: unknown;
  lastStartMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

class AfError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Accepted forms: YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-MM-DDTHH:MM:SS (UTC). */
function parseO365Time(s: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?Z?$/.test(s)) return undefined;
  const ms = Date.parse(s.endsWith('Z') ? s : s.length === 10 ? `${s}T00:00:00Z` : `${s}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

export class Manage {
  private readonly subscriptions = new Map<string, Map<ContentType, Subscription>>();

  constructor(
    private readonly directory: Directory,
    private readonly tokens: TokenService,
    private readonly datasets: ReadonlyMap<string, TenantData>,
    private readonly options: ManageOptions,
  ) {}

  subscriptionState(tenantId: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [ct, s] of this.subscriptions.get(tenantId) ?? []) out[ct] = s.status;
    return out;
  }

  resetSubscriptions(): void {
    this.subscriptions.clear();
  }

  /** The subscriptions as saved state (the demo keeps them across reloads until Reset). */
  exportSubscriptions(): Record<string, { contentType: string; status: 'enabled' | 'disabled'; lastStartMs: number }[]> {
    return Object.fromEntries([...this.subscriptions].map(([tenant, subs]) => [tenant, [...subs].map(([contentType, s]) => ({ contentType, status: s.status, lastStartMs: s.lastStartMs }))]));
  }

  /** Puts saved subscriptions back; anything malformed or unknown is left out. */
  importSubscriptions(saved: unknown): void {
    if (typeof saved !== 'object' || saved === null) return;
    for (const [tenant, list] of Object.entries(saved as Record<string, unknown>)) {
      if (!this.datasets.has(tenant) || !Array.isArray(list)) continue;
      const subs = this.subscriptions.get(tenant) ?? new Map<ContentType, Subscription>();
      for (const e of list as { contentType?: unknown; status?: unknown; lastStartMs?: unknown }[]) {
        if (typeof e?.contentType !== 'string' || !(CONTENT_TYPES as readonly string[]).includes(e.contentType)) continue;
        if (e.status !== 'enabled' && e.status !== 'disabled') continue;
        subs.set(e.contentType as ContentType, { status: e.status, webhook: null, lastStartMs: typeof e.lastStartMs === 'number' ? e.lastStartMs : 0 });
      }
      this.subscriptions.set(tenant, subs);
    }
  }

  async handle(req: http.IncomingMessage, res: Res, url: URL): Promise<boolean> {
    const m = /^\/api\/v1\.0\/([^/]+)\/activity\/feed\/(.+)$/.exec(url.pathname);
    if (!m) return false;
    try {
      await this.serve(req, res, url, decodeURIComponent(m[1]), m[2]);
    } catch (e) {
      if (e instanceof AfError) afError(res, e.status, e.code, e.message);
      else afError(res, 500, 'AF50000', 'An internal error occurred. Retry the request.');
    }
    return true;
  }

  private async serve(req: http.IncomingMessage, res: Res, url: URL, tenantSegment: string, rest: string): Promise<void> {
    if (!GUID.test(tenantSegment)) throw new AfError(400, 'AF20013', `The tenant ID passed in the URL (${tenantSegment}) is not a valid GUID.`);
    const token = bearer(req.headers.authorization);
    if (!token) throw new AfError(401, 'AF10001', 'The permission set () sent in the request does not include the expected permission ActivityFeed.Read.');
    const verified = this.tokens.verify(token, this.options.now());
    if ('problem' in verified) throw new AfError(401, 'AF10001', `Authorization has been denied for this request. ${verified.problem}`);
    const claims = verified.claims;
    const tenant = this.directory.tenantById(tenantSegment.toLowerCase());
    if (!tenant) throw new AfError(400, 'AF20011', `Specified tenant ID (${tenantSegment}) does not exist in the system or has been deleted.`);
    if (claims.tid !== tenant.id) throw new AfError(400, 'AF20010', `The tenant ID passed in the URL (${tenantSegment}) does not match the tenant ID passed in the access token (${claims.tid}).`);
    if (this.directory.resourceKind(tenant, claims.aud) !== 'manage') throw new AfError(401, 'AF10001', `Authorization has been denied for this request. The token audience ${claims.aud} is not the Management API.`);
    if (!(claims.roles ?? []).includes('ActivityFeed.Read')) throw new AfError(401, 'AF10001', `The permission set (${(claims.roles ?? []).join(' ')}) sent in the request does not include the expected permission ActivityFeed.Read.`);
    if (!tenant.unifiedAuditLogging) throw new AfError(400, 'AF20012', `Specified tenant ID (${tenant.id}) is configured incorrectly: unified audit logging is not turned on.`);
    if (this.options.latencyMs > 0) await sleep(this.options.latencyMs);

    const publisher = url.searchParams.get('PublisherIdentifier') ?? '';
    const method = rest.startsWith('audit/') ? 'GetBlob' : rest === 'subscriptions/content' ? 'ListContent' : 'Subscriptions';
    const fault = this.options.faults.next(`/api/v1.0/feed/${rest}`);
    if (fault === '429') throw new AfError(403, 'AF429', `Too many requests. Method=${method}, PublisherId=${publisher || '00000000-0000-0000-0000-000000000000'}`);
    if (fault === '500') throw new AfError(500, 'AF50000', 'An internal error occurred. Retry the request.');
    if (fault === '502' || fault === '503' || fault === '504') {
      res.writeHead(Number(fault), { 'Content-Type': 'text/plain', 'Content-Length': 19 });
      res.end('Service Unavailable');
      return;
    }
    if (fault === 'latency') await sleep(this.options.faults.latencySpikeMs);
    if (fault === 'redirectLoop' || fault === 'redirectOtherTenant') {
      const to = new URL(url.toString());
      if (fault === 'redirectOtherTenant') to.pathname = to.pathname.replace(/\/api\/v1\.0\/[^/]+\//, '/api/v1.0/99999999-9999-4999-8999-999999999999/');
      res.writeHead(302, { Location: to.toString(), 'Content-Length': 0 });
      res.end();
      return;
    }
    // Without a PublisherIdentifier every caller shares one pool; with one the tenant gets its own.
    const verdict = this.options.throttle.take(`o365:${tenant.id}:${publisher}`, O365_PER_TENANT, this.options.now());
    if (!verdict.ok) throw new AfError(403, 'AF429', `Too many requests. Method=${method}, PublisherId=${publisher || '00000000-0000-0000-0000-000000000000'}`);

    const data = this.datasets.get(tenant.id) as TenantData;
    const subs = this.subscriptions.get(tenant.id) ?? new Map<ContentType, Subscription>();
    this.subscriptions.set(tenant.id, subs);

    if (rest === 'subscriptions/list' && req.method === 'GET') {
      sendJson(res, 200, [...subs.entries()].map(([contentType, s]) => ({ contentType, status: s.status, webhook: s.webhook })));
      return;
    }
    if ((rest === 'subscriptions/start' || rest === 'subscriptions/stop') && req.method === 'POST') {
      const contentType = this.contentType(url);
      const current = subs.get(contentType);
      if (rest === 'subscriptions/stop') {
        if (current) current.status = 'disabled';
        res.writeHead(200, { 'Content-Length': 0 });
        res.end();
        return;
      }
      const now = this.options.now();
      const window = 15 * 60_000 * this.options.timeScale;
      if (current && now - current.lastStartMs < window) {
        const left = Math.ceil((current.lastStartMs + window - now) / 1000);
        throw new AfError(429, 'AF429', `Too many frequent subscription start requests. Please retry again after ${Math.floor(left / 60)}m ${left % 60}s`);
      }
      if (current?.status === 'enabled') throw new AfError(400, 'AF20024', 'The subscription is already enabled. No property change.');
      subs.set(contentType, { status: 'enabled', webhook: null, lastStartMs: now });
      sendJson(res, 200, { contentType, status: 'enabled', webhook: null });
      return;
    }
    if (rest === 'subscriptions/content' && req.method === 'GET') {
      const contentType = this.contentType(url);
      if (subs.get(contentType)?.status !== 'enabled') throw new AfError(400, 'AF20022', `No subscription found for the specified content type (${contentType}). Start a subscription first.`);
      this.listContent(res, url, data, contentType, fault === 'foreignNextLink');
      return;
    }
    if (rest.startsWith('audit/') && req.method === 'GET') {
      const contentId = decodeURIComponent(rest.slice('audit/'.length));
      if (!/^[\w$.-]+$/.test(contentId)) throw new AfError(400, 'AF20052', `Content ID ${contentId} in the URL is invalid.`);
      const blob = data.findBlob(contentId);
      if (!blob || blob.contentCreatedMs > this.options.now()) throw new AfError(404, 'AF20050', `The specified content (${contentId}) doesn't exist.`);
      if (blob.contentExpirationMs <= this.options.now()) throw new AfError(400, 'AF20051', `Content requested with the key ${contentId} has already expired. Content older than 7 days cannot be retrieved.`);
      const encoded = encodeBody(res, Buffer.from(JSON.stringify(data.blobRecords(blob))));
      const bytes = encoded.body;
      if (fault === 'reset') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': bytes.length, ...encoded.headers });
        res.write(bytes.subarray(0, bytes.length >> 1));
        setImmediate(() => res.socket?.destroy());
        return;
      }
      const body = fault === 'truncate' ? bytes.subarray(0, Math.max(1, Math.floor(bytes.length * 0.6))) : bytes;
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, ...encoded.headers });
      res.end(body);
      return;
    }
    throw new AfError(400, 'AF20001', `Unknown operation ${req.method} ${rest}.`);
  }

  private contentType(url: URL): ContentType {
    const ct = url.searchParams.get('contentType');
    if (ct === null || ct === '') throw new AfError(400, 'AF20001', 'Missing parameter: contentType.');
    const match = CONTENT_TYPES.find((c) => c.toLowerCase() === ct.toLowerCase());
    if (!match) throw new AfError(400, 'AF20020', `The specified content type is not valid: ${ct}.`);
    return match;
  }

  private listContent(res: Res, url: URL, data: TenantData, contentType: ContentType, foreign: boolean): void {
    const q = url.searchParams;
    const rawStart = q.get('startTime');
    const rawEnd = q.get('endTime');
    const now = this.options.now();
    let startMs: number;
    let endMs: number;
    const describe = `StartTime: ${rawStart ?? ''}, EndTime: ${rawEnd ?? ''}`;
    if (rawStart === null && rawEnd === null) {
      endMs = now;
      startMs = now - DAY;
    } else if (rawStart === null || rawEnd === null) {
      throw new AfError(400, 'AF20055', `Start time and end time must both be specified (or both omitted). ${describe}`);
    } else {
      const s = parseO365Time(rawStart);
      const e = parseO365Time(rawEnd);
      if (s === undefined || e === undefined) throw new AfError(400, 'AF20030', `Start time and end time must be in the format YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS. ${describe}`);
      if (s >= e) throw new AfError(400, 'AF20055', `Start time must be earlier than end time. ${describe}`);
      if (e - s > DAY) throw new AfError(400, 'AF20055', `Start time and end time must be less than or equal to 24 hours apart. ${describe}`);
      if (s < now - 7 * DAY) throw new AfError(400, 'AF20055', `Start time cannot be more than 7 days in the past. ${describe}`);
      startMs = s;
      endMs = e;
    }
    const blobs = data.blobsCreatedBetween(contentType, startMs, endMs, now);
    let offset = 0;
    const nextPage = q.get('nextPage');
    if (nextPage !== null) {
      if (!/^\d+$/.test(nextPage) || Number(nextPage) > blobs.length) throw new AfError(400, 'AF20031', `Invalid nextPage input: ${nextPage}.`);
      offset = Number(nextPage);
    }
    const page = blobs.slice(offset, offset + this.options.contentPageSize);
    const origin = this.options.origin();
    const tenantId = data.tenant.id;
    const body = page.map((b, i) => ({
      contentType,
      contentId: b.contentId,
      contentUri: foreign && i === 0 && offset + page.length >= blobs.length ? `https://manage.office.com.evil.test/api/v1.0/${tenantId}/activity/feed/audit/${b.contentId}` : `${origin}/api/v1.0/${tenantId}/activity/feed/audit/${encodeURIComponent(b.contentId)}`,
      contentCreated: `${o365Time(b.contentCreatedMs)}.${String(b.contentCreatedMs % 1000).padStart(3, '0')}Z`,
      contentExpiration: `${o365Time(b.contentExpirationMs)}.${String(b.contentExpirationMs % 1000).padStart(3, '0')}Z`,
    }));
    const headers: Record<string, string> = {};
    if (offset + page.length < blobs.length) {
      const next = new URL(`${origin}/api/v1.0/${tenantId}/activity/feed/subscriptions/content`);
      for (const [k, v] of q) if (k !== 'nextPage') next.searchParams.set(k, v);
      next.searchParams.set('nextPage', String(offset + page.length));
      headers.NextPageUri = foreign ? next.toString().replace(/^https?:\/\/[^/]+/, 'https://manage.office.com.evil.test') : next.toString();
    }
    sendJson(res, 200, body, headers);
  }
}
