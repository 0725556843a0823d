/**
 * The Graph calls triage makes, all through the one ApiClient (token allowlist, Identity
 * Protection pacing of 1 request per second per tenant, backoff on its Retry-After-less 429s).
 */
import { type ApiClient } from '../http/client';
import { datetimeLiteral, quote } from '../odata/literals';
import { type SubjectState } from './runTriage';
import { SUBJECTS, type TriageAction, type TriageSubject } from './subjects';

type Json = Record<string, unknown>;

export class TriageApi {
  constructor(
    private readonly client: ApiClient,
    private readonly graphOrigin: string,
    /** Where sign-ins are read from: the version the grid and panels read them from, so a sign-in read again keeps the same fields. */
    private readonly signInVersion: 'beta' | 'v1.0' = 'v1.0',
  ) {}

  private url(path: string, query?: Record<string, string | undefined>): string {
    const u = new URL(`${this.graphOrigin}/v1.0${path}`);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) u.searchParams.set(k, v);
    return u.toString();
  }

  /** Every page of a list, following @odata.nextLink (the client refuses a link to a foreign host). */
  private async all(first: string, signal?: AbortSignal): Promise<Json[]> {
    const out: Json[] = [];
    let next: string | undefined = first;
    for (let pages = 0; next; pages++) {
      if (pages >= 1000) throw new Error('More than 1,000 pages: stopping rather than looping.');
      const res = await this.client.request(next, { resource: 'graph', limit: 'identityProtection', signal });
      const body = (typeof res.body === 'object' && res.body !== null ? res.body : {}) as Json;
      if (Array.isArray(body.value)) for (const v of body.value) if (typeof v === 'object' && v !== null) out.push(v as Json);
      next = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : undefined;
    }
    return out;
  }

  list(subject: TriageSubject, filter: string | undefined, signal?: AbortSignal): Promise<Json[]> {
    // riskyUsers pages at most 500; riskyServicePrincipals takes the service's default.
    return this.all(this.url(SUBJECTS[subject].path, { $filter: filter, $top: subject === 'users' ? '500' : undefined }), signal);
  }

  history(subject: TriageSubject, id: string, signal?: AbortSignal): Promise<Json[]> {
    return this.all(this.url(`${SUBJECTS[subject].path}/${encodeURIComponent(id)}/history`), signal);
  }

  /** The subject's risk detections, newest first. */
  async detections(subject: TriageSubject, id: string, signal?: AbortSignal): Promise<Json[]> {
    const key = subject === 'users' ? 'userId' : 'servicePrincipalId';
    const list = await this.all(this.url(SUBJECTS[subject].detectionsPath, { $filter: `${key} eq ${quote(id)}`, $top: '500' }), signal);
    const t = (r: Json) => Date.parse(typeof r.detectedDateTime === 'string' ? r.detectedDateTime : '') || 0;
    return list.sort((a, b) => t(b) - t(a));
  }

  /** One action call. Only throttling is retried: anything else may have taken effect. */
  async act(subject: TriageSubject, action: TriageAction, ids: readonly string[], signal?: AbortSignal): Promise<{ status: number; requestId?: string }> {
    const spec = SUBJECTS[subject];
    const res = await this.client.request(this.url(`${spec.path}/${action}`), { resource: 'graph', limit: 'identityProtection', method: 'POST', body: { [spec.idsKey]: ids }, retryOnlyThrottled: true, signal });
    return { status: res.status, requestId: res.headers.get('request-id') ?? undefined };
  }

  /** A verdict on risky sign-ins, by request id (API-FACTS 7). Only throttling is retried. */
  async actOnSignIns(action: TriageAction, requestIds: readonly string[], signal?: AbortSignal): Promise<{ status: number; requestId?: string }> {
    const res = await this.client.request(this.url(`/auditLogs/signIns/${action}`), { resource: 'graph', limit: 'identityProtection', method: 'POST', body: { requestIds }, retryOnlyThrottled: true, signal });
    return { status: res.status, requestId: res.headers.get('request-id') ?? undefined };
  }

  /**
   * The risk state of each sign-in, by lowercased request id, read one by one: sign-ins have no
   * "changed since" to list, and a reconciliation concerns only the few in an uncertain call.
   */
  async signInStates(requestIds: readonly string[], signal?: AbortSignal): Promise<Map<string, SubjectState>> {
    const map = new Map<string, SubjectState>();
    for (const body of await this.signInRecords(requestIds, signal)) {
      const r = (typeof body === 'object' && body !== null ? body : {}) as Json;
      if (typeof r.id === 'string') map.set(r.id.toLowerCase(), { riskState: typeof r.riskState === 'string' ? r.riskState : 'none', riskLevel: typeof r.riskLevelAggregated === 'string' ? r.riskLevelAggregated : undefined });
    }
    return map;
  }

  /** The sign-ins as Graph sends them now (untrusted bodies: the caller screens them). */
  async signInRecords(requestIds: readonly string[], signal?: AbortSignal): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const id of requestIds) out.push((await this.client.request(`${this.graphOrigin}/${this.signInVersion}/auditLogs/signIns/${encodeURIComponent(id)}`, { resource: 'graph', limit: 'reports', signal })).body);
    return out;
  }

  /** Everything changed since a time, by lowercased id: what an uncertain call is judged by. */
  async changedSince(subject: TriageSubject, sinceMs: number): Promise<Map<string, SubjectState>> {
    const list = await this.list(subject, `riskLastUpdatedDateTime ge ${datetimeLiteral(sinceMs)}`);
    const map = new Map<string, SubjectState>();
    for (const r of list) {
      if (typeof r.id !== 'string') continue;
      map.set(r.id.toLowerCase(), { riskState: typeof r.riskState === 'string' ? r.riskState : 'none', riskLevel: typeof r.riskLevel === 'string' ? r.riskLevel : undefined, isProcessing: r.isProcessing === true });
    }
    return map;
  }
}
