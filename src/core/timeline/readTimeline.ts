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
import { o365Entry, readO365Timeline } from './o365Timeline';
import { type GraphTimelineSource, mergeEntries, type TimelineEntry, type TimelineSource, toEntry } from './timeline';

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

export interface TimelineRequest {
  readonly userId: string;
  /** The UPN the user was asked for by, if any (Office 365 records name users by it). */
  readonly userPrincipalName?: string;
  /** Now, for Graph's retention: the reports refuse a time filter older than 30 days. */
  readonly nowMs: number;
  readonly fromMs: number;
  readonly toMs: number;
}

const QUERIES: readonly { source: GraphTimelineSource; category: string; field: string }[] = [
  { source: 'signIns', category: 'signIns.interactive', field: 'userId' },
  { source: 'nonInteractive', category: 'signIns.nonInteractive', field: 'userId' },
  { source: 'auditsBy', category: 'directoryAudits', field: 'initiatedBy/user/id' },
  { source: 'auditsTargeting', category: 'directoryAudits', field: 'targetResources/id' },
  { source: 'riskDetections', category: 'riskDetections', field: 'userId' },
];

async function readSource(client: ApiClient, graphOrigin: string, category: GraphCategory, field: string, req: TimelineRequest, signal?: AbortSignal): Promise<{ records: Record<string, unknown>[]; cut: boolean }> {
  const model: FilterModel = { time: { kind: 'all' }, clauses: [{ field, op: 'eq', values: [req.userId] }], client: [] };
  const built = buildFilter(category, model, { nowMs: req.toMs });
  if (built.problems.length > 0) throw new Error(built.problems[0].message);
  const records: Record<string, unknown>[] = [];
  const pages = runQuery(client, { category, graphOrigin, filterWithoutTime: built.filter, window: category.timeProperty ? { fromMs: category.throttle === 'reports' ? Math.max(req.fromMs, req.nowMs - RETENTION_MS + 60_000) : req.fromMs, toMs: req.toMs } : undefined }, { signal });
  for await (const page of pages) {
    for (const r of page.records) if (!isUnreadable(r)) records.push(r);
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
export async function readTimeline(client: ApiClient, graphOrigin: string, req: TimelineRequest, configure: (c: GraphCategory) => GraphCategory, o365: O365Access, signal?: AbortSignal): Promise<TimelineData> {
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
  const queries = QUERIES.map(async ({ source, category, field }) => {
    try {
      const { records: list, cut } = await readSource(client, graphOrigin, configure(categoryById(category) as GraphCategory), field, req, signal);
      const entries = entriesOf((r) => toEntry(source, r), list);
      return { report: { source, state: cut ? 'cut' : 'read', count: entries.length, ...(cut ? { note: `only the newest ${MAX_PER_SOURCE.toLocaleString('en-US')} records were read` } : {}) } as SourceReport, entries };
    } catch (e) {
      return fail(source, e);
    }
  });
  const history = (async () => {
    try {
      const list = await new TriageApi(client, graphOrigin).history('users', req.userId, signal);
      const entries = entriesOf((r) => toEntry('riskHistory', r), list);
      return { report: { source: 'riskHistory', state: 'read', count: entries.length } as SourceReport, entries };
    } catch (e) {
      // Not a risky user: Identity Protection has no history for them, which is an answer, not a failure.
      if (e instanceof ServiceError && e.status === 404) return { report: { source: 'riskHistory', state: 'read', count: 0, note: 'not a risky user' } as SourceReport, entries: [] };
      return fail('riskHistory', e);
    }
  })();
  // Office 365 names users by UPN: the one asked for, and the ones the user's sign-ins carry.
  const who = Promise.all(queries).then((done) => {
    const names = new Set([req.userPrincipalName ?? '', ...done.flatMap((d) => d.entries.filter((e) => e.source === 'signIns' || e.source === 'nonInteractive').map((e) => String(records[e.ref!].userPrincipalName ?? '')))].map((n) => n.trim().toLowerCase()).filter(Boolean));
    return { id: req.userId, names };
  });
  const office = (async () => {
    if ('unavailable' in o365) return { report: { source: 'o365', state: 'unavailable', count: 0, note: o365.unavailable } as SourceReport, entries: [] };
    try {
      const read = await readO365Timeline(await o365.api(), req, who, MAX_PER_SOURCE, signal);
      const entries = entriesOf(o365Entry, read.records);
      return { report: { source: 'o365', state: read.state, count: entries.length, ...(read.note ? { note: read.note } : {}) } as SourceReport, entries };
    } catch (e) {
      return fail('o365', e);
    }
  })();
  const results = await Promise.all([...queries, history, office]);
  return { entries: mergeEntries(results.map((r) => r.entries)), records, sources: results.map((r) => r.report) };
}
