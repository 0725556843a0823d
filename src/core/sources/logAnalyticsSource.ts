/**
 * Log Analytics (and Microsoft Sentinel) workspaces as a source: the same reports, months further
 * back, queried with KQL. The query a panel ran copies as KQL, as a curl request to the query API,
 * or as Az PowerShell; an export runs the Graph export's windows, checkpoints and manifest over
 * time slices of the workspace (exportWindows.ts).
 */
import { type CategorySpec, type WorkspaceCategory } from '../catalog/types';
import { type ExportSpec } from '../export/checkpoint';
import { newExport, runExport } from '../export/runExport';
import { compileKql } from '../logAnalytics/compile';
import { workspaceWindows } from '../logAnalytics/exportWindows';
import { workspaceTable } from '../logAnalytics/tables';
import { type FilterModel } from '../odata/model';
import { type SourceAdapter } from './source';

/** "All available" on a workspace: the longest it keeps data interactively. */
const ALL_MS = 730 * 86_400_000;

/** The filter an export of a workspace table runs, as its spec keeps it (the range is the spec's own). */
export function workspaceModelOfSpec(spec: ExportSpec): FilterModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(spec.source?.params.model ?? '{}');
  } catch {
    parsed = {};
  }
  const m = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<FilterModel>;
  return { time: { kind: 'all' }, clauses: Array.isArray(m.clauses) ? m.clauses : [], client: Array.isArray(m.client) ? m.client : [], ...(typeof m.raw === 'string' && m.raw.trim() !== '' ? { raw: m.raw } : {}) };
}

/** The registry hands this adapter workspace categories only; anything else is a wiring bug. */
function workspace(category: CategorySpec): WorkspaceCategory {
  if (category.source !== 'logAnalytics') throw new Error(`${category.label} is not a workspace table.`);
  return category;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const psHereString = (s: string) => `@'\n${s}\n'@`;

export const LOG_ANALYTICS_SOURCE: SourceAdapter = {
  kind: 'logAnalytics',
  capabilities: { savedQueries: false, copyFormats: ['kql', 'curl', 'powershell'] },
  unavailable: () => undefined,
  copyQuery(category, query, origin, format) {
    const c = workspace(category);
    if (query === undefined) return undefined;
    if (format === 'kql') return query;
    if (format === 'curl') return `curl -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${shellQuote(`${origin}/v1/workspaces/${c.workspaceId}/query`)} -d ${shellQuote(JSON.stringify({ query }))}`;
    if (format === 'powershell') return `Connect-AzAccount\nInvoke-AzOperationalInsightsQuery -WorkspaceId ${c.workspaceId} -Query ${psHereString(query)}`;
    return undefined;
  },
  exports: {
    timeAxis: 'recordTime',
    exportPlan(category, model, time, nowMs) {
      const c = workspace(category);
      const table = workspaceTable(c.table);
      if (!table) return { filterWithoutTime: undefined, filter: undefined, range: undefined, problem: `${c.table} is not a table this version knows.` };
      const compiled = compileKql(table, { ...model, time }, { nowMs });
      return { filterWithoutTime: undefined, filter: compiled.query, range: compiled.range ?? { fromMs: nowMs - ALL_MS, toMs: nowMs }, ...(compiled.problems[0] ? { problem: compiled.problems[0].message } : {}) };
    },
    exportSpecFields(category, model) {
      const c = workspace(category);
      // The filter without its time (the spec's range and each resume's cursor say which time),
      // raw KQL condition included: the export holds what the panel showed.
      return { source: { kind: 'logAnalytics', params: { workspaceId: c.workspaceId, workspaceName: c.workspaceName, table: c.table, model: JSON.stringify({ clauses: model.clauses, client: model.client, ...(model.raw ? { raw: model.raw } : {}) }) } } };
    },
    newExport,
    async openExport(connections, category) {
      const c = workspace(category);
      const table = workspaceTable(c.table);
      if (!table) throw new Error(`${c.table} is not a table this version knows.`);
      const { api, stats } = await connections.logAnalytics();
      return { run: (context, checkpoint) => runExport({ ...context, category, windows: workspaceWindows({ api, stats, workspaceId: c.workspaceId, workspaceName: c.workspaceName, table, model: workspaceModelOfSpec(checkpoint.spec), now: context.now }) }, checkpoint) };
    },
    describeExport: (spec) => `table ${spec.source?.params.table ?? '?'} of workspace ${spec.source?.params.workspaceName ?? '?'}`,
  },
};
