/**
 * Pivots from a record's ids to the records related to it, for the audit, risk detection and
 * risky-user detail panels (the sign-in panel has its own in signInView): the sign-in a detection
 * came from, the user's sign-ins around an event, the audits an actor made or a target suffered,
 * the sign-ins from an address. Each is a query Graph accepts, or the sign-in to open.
 */
import { type FilterModel } from '../odata/model';
import { type RelatedQuery } from './relatedQueries';

export type PivotAction =
  | { readonly kind: 'openSignIn'; readonly requestId: string }
  | { readonly kind: 'query'; readonly query: RelatedQuery }
  /** Graph requests made with one token, or the sign-in that issued it, from a workspace that keeps them. */
  | { readonly kind: 'tokenActivity' | 'tokenSignIn'; readonly token: string; readonly issued: string };

export interface Pivot {
  readonly label: string;
  readonly action: PivotAction;
}

const HOUR = 3_600_000;
/** Targets of an audit that get their own pivots (an audit can name dozens). */
const MAX_TARGETS = 3;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const guid = (v: unknown): string => (GUID.test(str(v)) ? str(v) : '');

function query(label: string, category: RelatedQuery['category'], field: string, value: string, hours: RelatedQuery['hours'], valueLabel?: string): Pivot {
  return { label, action: { kind: 'query', query: { label, category, clauses: [{ field, op: 'eq', values: [value], ...(valueLabel ? { valueLabel } : {}) }], hours } } };
}

/** An hour either side of an event, or the whole retention when its time is unreadable. */
function around(time: unknown): RelatedQuery['hours'] {
  const ms = Date.parse(str(time));
  return Number.isNaN(ms) ? 'all' : { fromMs: ms - HOUR, toMs: ms + HOUR };
}

function userPivots(userId: string, name: string, time: unknown): Pivot[] {
  if (!userId) return [];
  const who = name || userId;
  return [
    query(`Sign-ins of ${who}, an hour either side`, 'signIns.interactive', 'userId', userId, around(time), name || undefined),
    query(`Non-interactive sign-ins of ${who}, an hour either side`, 'signIns.nonInteractive', 'userId', userId, around(time), name || undefined),
  ];
}

function ipPivot(ip: string): Pivot[] {
  return ip ? [query(`Sign-ins from ${ip} by any user, last 24 hours`, 'signIns.interactive', 'ipAddress', ip, 24)] : [];
}

export function recordPivots(kind: string, r: Record<string, unknown>): Pivot[] {
  if (kind === 'riskDetection') {
    const userId = guid(r.userId);
    const name = str(r.userPrincipalName);
    const requestId = guid(r.requestId);
    return [
      ...(requestId ? [{ label: 'Open the sign-in this detection came from', action: { kind: 'openSignIn', requestId } } as const] : []),
      ...userPivots(userId, name, r.detectedDateTime),
      // A workload's detection: its app's sign-ins around it.
      ...(guid(r.appId) ? [query(`Sign-ins of the app ${str(r.servicePrincipalDisplayName) || guid(r.appId)}, an hour either side`, 'signIns.servicePrincipal', 'appId', guid(r.appId), around(r.activityDateTime), str(r.servicePrincipalDisplayName) || undefined)] : []),
      ...(userId ? [query(`Risk detections of ${name || userId}`, 'riskDetections', 'userId', userId, 'all', name || undefined), query(`Risky-user entry of ${name || userId}`, 'riskyUsers', 'id', userId, 'all', name || undefined)] : []),
      ...ipPivot(str(r.ipAddress)),
    ];
  }
  if (kind === 'directoryAudit') {
    const by = obj(obj(r.initiatedBy).user);
    const app = obj(obj(r.initiatedBy).app);
    const userId = guid(by.id);
    const name = str(by.userPrincipalName);
    const appId = guid(app.appId);
    const targets = (Array.isArray(r.targetResources) ? r.targetResources : []).map(obj).filter((t) => guid(t.id)).slice(0, MAX_TARGETS);
    return [
      ...userPivots(userId, name, r.activityDateTime),
      ...(userId ? [query(`Audits initiated by ${name || userId}`, 'directoryAudits', 'initiatedBy/user/id', userId, 'all', name || undefined)] : []),
      ...(appId ? [query(`Audits initiated by the app ${str(app.displayName) || appId}`, 'directoryAudits', 'initiatedBy/app/appId', appId, 'all', str(app.displayName) || undefined)] : []),
      ...targets.flatMap((t) => {
        const id = guid(t.id);
        const tname = str(t.userPrincipalName) || str(t.displayName) || id;
        return [
          query(`Audits that target ${tname}`, 'directoryAudits', 'targetResources/id', id, 'all', tname),
          ...(str(t.type) === 'User' ? [query(`Sign-ins of ${tname}, an hour either side`, 'signIns.interactive', 'userId', id, around(r.activityDateTime), tname)] : []),
        ];
      }),
      ...ipPivot(str(by.ipAddress)),
    ];
  }
  if (kind === 'graphActivity') {
    const userId = guid(r.userId);
    const appId = guid(r.appId);
    const token = str(r.signInActivityId);
    return [
      ...(token
        ? ([
            { label: 'The sign-in that issued this token', action: { kind: 'tokenSignIn', token, issued: str(r.tokenIssuedAt) } },
            { label: 'Every Graph request made with this token', action: { kind: 'tokenActivity', token, issued: str(r.tokenIssuedAt) } },
          ] as const)
        : []),
      ...userPivots(userId, '', r.activityDateTime),
      // An application's own request (no user): its sign-ins around it.
      ...(!userId && appId ? [query(`Sign-ins of the app ${appId}, an hour either side`, 'signIns.servicePrincipal', 'appId', appId, around(r.activityDateTime))] : []),
      ...ipPivot(str(r.ipAddress)),
    ];
  }
  if (kind === 'riskyUser') {
    const userId = guid(r.id);
    const name = str(r.userPrincipalName);
    if (!userId) return [];
    return [
      query(`Sign-ins of ${name || userId}, last 7 days`, 'signIns.interactive', 'userId', userId, 168, name || undefined),
      query(`Risk detections of ${name || userId}`, 'riskDetections', 'userId', userId, 'all', name || undefined),
      query(`Audits that target ${name || userId}`, 'directoryAudits', 'targetResources/id', userId, 'all', name || undefined),
      query(`Audits initiated by ${name || userId}`, 'directoryAudits', 'initiatedBy/user/id', userId, 'all', name || undefined),
    ];
  }
  return [];
}

/** The filter a related query runs (its tab is a pivot: the report's own default stays as it was). */
export function relatedModel(q: RelatedQuery): FilterModel {
  const time: FilterModel['time'] = q.hours === 'all' ? { kind: 'all' } : typeof q.hours === 'number' ? { kind: 'last', hours: q.hours } : { kind: 'between', from: new Date(q.hours.fromMs).toISOString(), to: new Date(q.hours.toMs).toISOString() };
  return { time, clauses: q.clauses.map((c) => ({ ...c, values: [...c.values] })), client: [...(q.client ?? [])] };
}
