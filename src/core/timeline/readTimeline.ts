/**
 * Reads one user's timeline from every source it draws on, through the same query engine and
 * pacing as a results panel: each source's records within the range (at most MAX_PER_SOURCE), or
 * why it could not be read (a permission, a licence): a source is never left out silently.
 */
import { categoryById } from '../catalog/categories';
import { type GraphCategory } from '../catalog/types';
import { diagnose, summarize } from '../diagnose/classify';
import { type ApiClient } from '../http/client';
import { ServiceError } from '../http/serviceError';
import { buildFilter } from '../odata/build';
import { type FilterModel } from '../odata/model';
import { runQuery } from '../query/runQuery';
import { isUnreadable } from '../records/untrusted';
import { type ManageApi } from '../o365/manageApi';
import { TriageApi } from '../triage/triageApi';
import { isFromAddress, isUsersRecord, o365Entry, readO365Timeline } from './o365Timeline';
import { graphActivityEntry, readGraphActivity, type WorkspaceAccess } from './workspaceTimeline';
import { type GraphTimelineSource, isSignInSource, mergeEntries, type TimelineEntry, type TimelineSource, toEntry } from './timeline';

/** Enough for any one user's week; past it the source says it was cut short. */
export const MAX_PER_SOURCE = 5000;
const RETENTION_MS = 30 * 86_400_000;

export interface SourceReport {
  readonly source: TimelineSource;
  readonly state: 'read' | 'cut' | 'unavailable';
  readonly count: number;
  /** Why it could not be read, or where it was cut. */
  readonly note?: string;
}

export interface TimelineData {
  /** Newest first; each entry's `ref` is its record's index in `records`. */
  readonly entries: readonly TimelineEntry[];
  readonly records: readonly Record<string, unknown>[];
  readonly sources: readonly SourceReport[];
}

/**
 * Whose activity: a user's; an address's (every user and workload that signed in from it); or one
 * session's (Graph cannot filter on a session: its user's sign-ins are read and the session's kept).
 */
export type TimelineSubject =
  | { readonly kind: 'user'; readonly userId: string; /** The UPN asked for by, if any (Office 365 names users by it). */ readonly userPrincipalName?: string }
  | { readonly kind: 'ip'; readonly address: string }
  | { readonly kind: 'session'; readonly userId: string; readonly sessionId: string };

export interface TimelineRequest {
  readonly subject: TimelineSubject;
  /** Now, for Graph's retention: the reports refuse a time filter older than 30 days. */
  readonly nowMs: number;
  readonly fromMs: number;
  readonly toMs: number;
}

interface SourceQuery {
  readonly source: GraphTimelineSource;
  readonly category: string;
  readonly field: string;
  readonly value: string;
}

/** The Graph queries of a subject's timeline, in the order its sources are listed. */
function queriesOf(subject: TimelineSubject): SourceQuery[] {
  switch (subject.kind) {
    case 'user':
      return [
        { source: 'signIns', category: 'signIns.interactive', field: 'userId', value: subject.userId },
        { source: 'nonInteractive', category: 'signIns.nonInteractive', field: 'userId', value: subject.userId },
        { source: 'auditsBy', category: 'directoryAudits', field: 'initiatedBy/user/id', value: subject.userId },
        { source: 'auditsTargeting', category: 'directoryAudits', field: 'targetResources/id', value: subject.userId },
        { source: 'riskDetections', category: 'riskDetections', field: 'userId', value: subject.userId },
      ];
    case 'ip':
      return [
        { source: 'signIns', category: 'signIns.interactive', field: 'ipAddress', value: subject.address },
        { source: 'nonInteractive', category: 'signIns.nonInteractive', field: 'ipAddress', value: subject.address },
        { source: 'servicePrincipal', category: 'signIns.servicePrincipal', field: 'ipAddress', value: subject.address },
        { source: 'managedIdentity', category: 'signIns.managedIdentity', field: 'ipAddress', value: subject.address },
        { source: 'riskDetections', category: 'riskDetections', field: 'ipAddress', value: subject.address },
      ];
    case 'session':
      return [
        { source: 'signIns', category: 'signIns.interactive', field: 'userId', value: subject.userId },
        { source: 'nonInteractive', category: 'signIns.nonInteractive', field: 'userId', value: subject.userId },
      ];
  }
}

/** What a subject's records must hold beyond Graph's filter: a session's id. */
function keeps(subject: TimelineSubject): (r: Record<string, unknown>) => boolean {
  return subject.kind === 'session' ? (r) => typeof r.sessionId === 'string' && r.sessionId.toLowerCase() === subject.sessionId.toLowerCase() : () => true;
}

async function readSource(client: ApiClient, graphOrigin: string, category: GraphCategory, q: SourceQuery, req: TimelineRequest, signal?: AbortSignal): Promise<{ records: Record<string, unknown>[]; cut: boolean }> {
  const model: FilterModel = { time: { kind: 'all' }, clauses: [{ field: q.field, op: 'eq', values: [q.value] }], client: [] };
  const built = buildFilter(category, model, { nowMs: req.toMs });
  if (built.problems.length > 0) throw new Error(built.problems[0].message);
  const records: Record<string, unknown>[] = [];
  const pages = runQuery(client, { category, graphOrigin, filterWithoutTime: built.filter, window: category.timeProperty ? { fromMs: category.throttle === 'reports' ? Math.max(req.fromMs, req.nowMs - RETENTION_MS + 60_000) : req.fromMs, toMs: req.toMs } : undefined }, { signal });
  const keep = keeps(req.subject);
  for await (const page of pages) {
    for (const r of page.records) if (!isUnreadable(r) && keep(r)) records.push(r);
    if (records.length >= MAX_PER_SOURCE) return { records: records.slice(0, MAX_PER_SOURCE), cut: true };
  }
  return { records, cut: false };
}

/** Why a source could not be read: the cause and next step, with what the service said (it names the permission). */
function whyNot(e: unknown): string {
  const d = diagnose(e);
  return d.explanation ? `${d.explanation.title}: ${d.serviceMessage.slice(0, 300)}. ${d.explanation.nextStep} (${d.code})` : summarize(d);
}

/** Where the Office 365 records come from: the tenant's Management API, or why it has none. */
export type O365Access = { readonly api: () => Promise<ManageApi> } | { readonly unavailable: string };

/**
 * Every source of the timeline, read side by side; `configure` picks the Graph version a category
 * is read from.
 */
export async function readTimeline(client: ApiClient, graphOrigin: string, req: TimelineRequest, configure: (c: GraphCategory) => GraphCategory, o365: O365Access, workspace: WorkspaceAccess, signal?: AbortSignal): Promise<TimelineData> {
  const records: Record<string, unknown>[] = [];
  // Each record as an entry of its source (Office 365's have their own shape), kept when inside the range.
  const entriesOf = (toEntryOf: (r: Record<string, unknown>) => TimelineEntry | undefined, list: readonly Record<string, unknown>[]): TimelineEntry[] =>
    list.flatMap((r) => {
      const e = toEntryOf(r);
      if (!e || e.timeMs < req.fromMs || e.timeMs > req.toMs) return [];
      records.push(r);
      return [{ ...e, ref: records.length - 1 }];
    });
  const fail = (source: TimelineSource, e: unknown): { report: SourceReport; entries: TimelineEntry[] } => ({ report: { source, state: 'unavailable', count: 0, note: whyNot(e) }, entries: [] });
  const subject = req.subject;
  const naming = subject.kind !== 'user';
  const queries = queriesOf(subject).map(async (q) => {
    try {
      const { records: list, cut } = await readSource(client, graphOrigin, configure(categoryById(q.category) as GraphCategory), q, req, signal);
      const entries = entriesOf((r) => toEntry(q.source, r, { naming }), list);
      return { report: { source: q.source, state: cut ? 'cut' : 'read', count: entries.length, ...(cut ? { note: `only the newest ${MAX_PER_SOURCE.toLocaleString('en-US')} records were read` } : {}) } as SourceReport, entries };
    } catch (e) {
      return fail(q.source, e);
    }
  });
  // A user's risky-user history; an address's or a session's has none.
  const history = subject.kind !== 'user'
    ? []
    : [
        (async () => {
          try {
            const list = await new TriageApi(client, graphOrigin).history('users', subject.userId, signal);
            const entries = entriesOf((r) => toEntry('riskHistory', r), list);
            return { report: { source: 'riskHistory', state: 'read', count: entries.length } as SourceReport, entries };
          } catch (e) {
            // Not a risky user: Identity Protection has no history for them, which is an answer, not a failure.
            if (e instanceof ServiceError && e.status === 404) return { report: { source: 'riskHistory', state: 'read', count: 0, note: 'not a risky user' } as SourceReport, entries: [] };
            return fail('riskHistory', e);
          }
        })(),
      ];
  // Office 365 names users by UPN (the one asked for, and the ones the user's sign-ins carry) and
  // addresses by ClientIP; its records carry no session.
  const keepO365 = Promise.all(queries).then((done): ((r: Record<string, unknown>) => boolean) => {
    if (subject.kind === 'ip') return (r) => isFromAddress(r, subject.address);
    const signedIn = done.flatMap((d) => d.entries.filter((e) => isSignInSource(e.source)).map((e) => String(records[e.ref!].userPrincipalName ?? '')));
    const names = new Set([subject.kind === 'user' ? (subject.userPrincipalName ?? '') : '', ...signedIn].map((n) => n.trim().toLowerCase()).filter(Boolean));
    const user = { id: subject.userId, names };
    return (r) => isUsersRecord(r, user);
  });
  const office = subject.kind === 'session'
    ? []
    : [
        (async () => {
          if ('unavailable' in o365) return { report: { source: 'o365', state: 'unavailable', count: 0, note: o365.unavailable } as SourceReport, entries: [] };
          try {
            const read = await readO365Timeline(await o365.api(), req, keepO365, MAX_PER_SOURCE, signal);
            const entries = entriesOf(o365Entry, read.records);
            return { report: { source: 'o365', state: read.state, count: entries.length, ...(read.note ? { note: read.note } : {}) } as SourceReport, entries };
          } catch (e) {
            return fail('o365', e);
          }
        })(),
      ];
  // The requests made to Graph, which only a workspace keeps (by user id, or by address; no session column).
  const requests = subject.kind === 'session'
    ? []
    : [
        (async () => {
          if ('unavailable' in workspace) return { report: { source: 'graphActivity', state: 'unavailable', count: 0, note: workspace.unavailable } as SourceReport, entries: [] };
          try {
            const read = await readGraphActivity(await workspace.api(), workspace.workspace, subject.kind === 'user' ? { userId: subject.userId } : { address: subject.address }, req, MAX_PER_SOURCE, signal);
            const entries = entriesOf((r) => graphActivityEntry(r, { naming }), read.records);
            return { report: { source: 'graphActivity', state: read.state, count: entries.length, note: read.note ?? `from ${workspace.workspace.name}` } as SourceReport, entries };
          } catch (e) {
            return fail('graphActivity', e);
          }
        })(),
      ];
  const results = await Promise.all([...queries, ...history, ...office, ...requests]);
  return { entries: mergeEntries(results.map((r) => r.entries)), records, sources: results.map((r) => r.report) };
}
