/**
 * A timeline's Graph requests, from a workspace that keeps Microsoft Graph activity: what a user's
 * tokens (or anyone from an address) asked Graph for over the range. Only a workspace has these, so
 * the timeline reads the tenant's workspace where one receives the table, and says why not otherwise.
 */
import { compileKql } from '../logAnalytics/compile';
import { graphActivityTitle } from '../logAnalytics/graphActivity';
import { type LogAnalyticsApi } from '../logAnalytics/queryApi';
import { workspaceTable } from '../logAnalytics/tables';
import { toGraphShape } from '../logAnalytics/toGraph';
import { type FilterModel } from '../odata/model';
import { readable } from '../records/untrusted';
import { type TimelineEntry } from './timeline';

/** Where a timeline's Graph requests come from: a workspace that receives them, or why there is none. */
export type WorkspaceAccess = { readonly api: () => Promise<LogAnalyticsApi>; readonly workspace: { readonly id: string; readonly name: string } } | { readonly unavailable: string };

export interface WorkspaceRead {
  readonly records: Record<string, unknown>[];
  readonly state: 'read' | 'cut';
  readonly note?: string;
}

const s = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Whose requests: a user's (by object id, as the table names users) or an address's. */
export type RequestsOf = { readonly userId: string } | { readonly address: string };

/** The subject's requests in [fromMs, toMs], newest first, at most `max` (the rest said to be cut). */
export async function readGraphActivity(api: LogAnalyticsApi, workspace: { readonly id: string; readonly name: string }, of: RequestsOf, range: { readonly fromMs: number; readonly toMs: number }, max: number, signal?: AbortSignal): Promise<WorkspaceRead> {
  const table = workspaceTable('MicrosoftGraphActivityLogs')!;
  const clause = 'userId' in of ? { field: 'userId', op: 'eq' as const, values: [of.userId] } : { field: 'ipAddress', op: 'eq' as const, values: [of.address] };
  const model: FilterModel = { time: { kind: 'between', from: new Date(range.fromMs).toISOString(), to: new Date(range.toMs).toISOString() }, clauses: [clause], client: [] };
  const compiled = compileKql(table, model, { nowMs: range.toMs });
  if (compiled.problems.length > 0) throw new Error(compiled.problems[0].message);
  // One more than kept: whether there were more is known without counting them all.
  const result = await api.query({ workspaceId: workspace.id, query: `${compiled.query}\n| take ${max + 1}`, timespan: compiled.timespan, signal });
  const source = { workspaceId: workspace.id, workspaceName: workspace.name, table: table.name };
  // A row that is not one is left out here; the table's own tab shows it as unreadable.
  const records = readable(result.records.map((r) => toGraphShape(r, source)));
  const cut = records.length > max || result.partial !== undefined;
  return {
    records: records.slice(0, max),
    state: cut ? 'cut' : 'read',
    ...(cut ? { note: result.partial ? `the workspace returned part of the result: ${result.partial.message}` : `only the newest ${max.toLocaleString('en-US')} requests were read` } : {}),
  };
}

/** A Graph request as a timeline entry: what was asked, whose token (on an address's timeline), and the answer. */
export function graphActivityEntry(r: Record<string, unknown>, options: { readonly naming?: boolean } = {}): TimelineEntry | undefined {
  const timeMs = Date.parse(s(r.activityDateTime));
  if (Number.isNaN(timeMs)) return undefined;
  const code = typeof r.responseStatusCode === 'number' ? r.responseStatusCode : undefined;
  const who = s(r.userId) ? `user ${s(r.userId)}` : s(r.servicePrincipalId) ? `service principal ${s(r.servicePrincipalId)}` : '';
  return {
    source: 'graphActivity',
    timeMs,
    title: graphActivityTitle(r, false),
    detail: [code === undefined ? '' : `HTTP ${code}`, options.naming && who ? who : '', s(r.appId) ? `app ${s(r.appId)}` : '', s(r.signInActivityId) ? `token ${s(r.signInActivityId)}` : ''].filter(Boolean).join(' · '),
    outcome: code === undefined ? 'info' : code >= 400 ? 'failure' : 'success',
    caBlocked: false,
    ip: s(r.ipAddress),
    where: '',
    id: s(r.id),
  };
}
