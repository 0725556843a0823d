/** The query a results panel shows: how its webview is told about it, and copying it. */
import * as vscode from 'vscode';
import { type CategorySpec } from '../../core/catalog/types';
import { type FilterModel } from '../../core/odata/model';
import { rowFiltersOf } from '../../core/query/rowFilters';
import { sourceOf } from '../../core/sources/registry';
import { type CopyFormat, type SourceKind } from '../../core/sources/source';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type InitInfo } from '../../webview/results/protocol';

export interface ResultsQuery {
  readonly tenant: TenantConfig;
  readonly category: CategorySpec;
  readonly model: FilterModel;
  /** The full `$filter` (time range included) for "Copy as". */
  readonly filter: string | undefined;
  readonly filterText: string;
  readonly graphOrigin: string;
  readonly visibleColumns: readonly string[];
  /** When the query was sent, and the absolute range its time filter stands for. */
  readonly fetchedAtMs: number;
  readonly range?: { readonly fromMs: number; readonly toMs: number };
  readonly extensionVersion: string;
}

/** What the webview is sent first (and again after its document reloads): ids, labels, what the source offers. */
export function resultsInit(query: ResultsQuery, title: string, tenantName: string): InitInfo {
  const source = sourceOf(query.category);
  return {
    title,
    categoryLabel: query.category.label,
    tenantName,
    filterText: query.filterText,
    columns: query.category.columns.map((c) => ({ id: c.id, label: c.label, width: c.width, kind: c.kind })),
    visibleColumns: query.visibleColumns,
    isSignIn: query.category.group === 'Sign-ins',
    copyFormats: source.capabilities.copyFormats,
    canSaveQuery: source.capabilities.savedQueries,
    // Run Query takes Graph reports; a workspace's and Office 365's are read by their own commands.
    canQueryRange: RERUN[query.category.source] !== undefined,
    ...(source.exports ? { exportHint: source.exports.timeAxis === 'availability' ? 'Stream this content type, day by day, to JSON, NDJSON or CSV files, with a manifest; resumable' : 'Stream the whole query to JSON, NDJSON or CSV files, with a manifest; resumable' } : {}),
    clientFilters: rowFiltersOf(query.model),
    ...(source.capabilities.savedQueries ? { persist: { tenantKey: query.tenant.key, categoryId: query.category.id, model: query.model } } : {}),
  };
}

const COPIED_AS: Readonly<Record<CopyFormat, string>> = { url: 'a Graph URL', curl: 'curl', powershell: 'PowerShell', kql: 'KQL' };

/** Copy as a Graph URL, curl, PowerShell or KQL: what the panel's source can write its query as. */
export async function copyQueryAs(query: ResultsQuery, format: CopyFormat): Promise<void> {
  const text = sourceOf(query.category).copyQuery(query.category, query.filter, query.graphOrigin, format);
  if (text === undefined) return;
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`Copied the query as ${COPIED_AS[format]}.`, 3000);
}

/**
 * How each source runs a panel's query again with another filter, in a tab of its own: a Graph
 * report through Run Query (as a pivot, leaving its saved default alone), a workspace table through
 * its own command. Office 365 content has no query to narrow.
 */
const RERUN: Readonly<Record<SourceKind, ((query: ResultsQuery, model: FilterModel) => readonly [command: string, args: object] | undefined) | undefined>> = {
  graph: (q, model) => ['identityLogs.runQuery', { tenantKey: q.tenant.key, category: q.category.id, model, pivot: true }],
  logAnalytics: (q, model) => (q.category.source === 'logAnalytics' ? ['identityLogs.runWorkspaceQuery', { tenantKey: q.tenant.key, workspaceId: q.category.workspaceId, table: q.category.table, model }] : undefined),
  o365: undefined,
};

/** The panel's query again over a kept time range, in a tab of its own; resolves with what its command gave (the new panel). */
export async function queryOverRange(query: ResultsQuery, fromMs: number, toMs: number): Promise<unknown> {
  const rerun = RERUN[query.category.source];
  if (!rerun || !(toMs > fromMs)) return undefined;
  const model = { ...query.model, time: { kind: 'between' as const, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() } };
  const run = rerun(query, model);
  return run ? vscode.commands.executeCommand(...run) : undefined;
}
