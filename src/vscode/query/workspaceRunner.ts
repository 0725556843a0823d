/**
 * Runs a workspace query into a results panel: the filter compiled to KQL for the table, sent in
 * time slices that stay inside the query API's limits, each slice's rows put in Graph's shape so
 * the grid and the detail panels read them as they read Graph's.
 */
import * as vscode from 'vscode';
import { type WorkspaceCategory } from '../../core/catalog/types';
import { loadKusto } from '../../core/kql/kusto';
import { compileKql } from '../../core/logAnalytics/compile';
import { checkRawKql, describeRawProblem } from '../../core/logAnalytics/rawKql';
import { sliceQuery } from '../../core/logAnalytics/slices';
import { workspaceTable, type WorkspaceTableName } from '../../core/logAnalytics/tables';
import { toGraphShape } from '../../core/logAnalytics/toGraph';
import { type Logger } from '../../core/log/redact';
import { type FilterModel } from '../../core/odata/model';
import { type QueryEnd, type QueryPage } from '../../core/query/runQuery';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { PAGES_PER_LOAD, type ResultsPanel } from '../results/resultsPanel';
import { type ResultsPanels } from '../results/resultsPanels';
import { showError } from '../ui/showError';
import { type Workspaces } from '../workspaces/workspaces';
import { describeModel } from './filterPrompt';

/** Rows per grid page: a slice can hold many thousands. */
const PAGE_ROWS = 1000;
/** "All available" on a workspace: the longest retention a workspace keeps interactively. */
const ALL_DAYS = 730;
const DAY = 86_400_000;

export interface WorkspaceRunnerDeps {
  readonly workspaces: Workspaces;
  readonly panels: ResultsPanels;
  readonly log: Logger;
  readonly channel: vscode.LogOutputChannel;
}

export class WorkspaceQueryRunner {
  constructor(private readonly deps: WorkspaceRunnerDeps) {}

  async start(tenant: TenantConfig, category: WorkspaceCategory, model: FilterModel): Promise<ResultsPanel | undefined> {
    const table = workspaceTable(category.table);
    if (!table) return undefined;
    const nowMs = Date.now();
    const compiled = compileKql(table, model, { nowMs });
    // An expert's KQL is read by Microsoft's parser before anything is sent (loaded on first use).
    const rawProblem = model.raw?.trim() ? checkRawKql(await loadKusto(), table, model.raw.trim())[0] : undefined;
    const problem = compiled.problems[0] ? compiled.problems[0].message : rawProblem ? describeRawProblem(rawProblem) : undefined;
    if (problem) {
      void vscode.window.showErrorMessage(`${category.label}: ${problem}`);
      return undefined;
    }
    let connection;
    try {
      connection = await this.deps.workspaces.api(tenant);
    } catch (e) {
      await showError(this.deps.log, this.deps.channel, `Cannot query ${category.workspaceName}`, e);
      return undefined;
    }
    const { api, origin, stats } = connection;
    // Half-open slices: the end instant itself belongs to the range.
    const range = compiled.range ? { fromMs: compiled.range.fromMs, toMs: compiled.range.toMs + 1 } : { fromMs: nowMs - ALL_DAYS * DAY, toMs: nowMs + 1 };
    const source = { workspaceId: category.workspaceId, workspaceName: category.workspaceName, table: table.name as WorkspaceTableName };
    const pages = async function* (signal: AbortSignal): AsyncGenerator<QueryPage, QueryEnd, void> {
      const slices = sliceQuery(api, { workspaceId: category.workspaceId, table, model, range }, { nowMs, signal });
      let pageNumber = 0;
      for (;;) {
        const next = await slices.next();
        if (next.done) return { splits: next.value.narrowed };
        const records = next.value.records.map((r) => toGraphShape(r, source));
        for (let i = 0; i < records.length; i += PAGE_ROWS) yield { records: records.slice(i, i + PAGE_ROWS), window: next.value.window, pageNumber: ++pageNumber };
      }
    };
    this.deps.log.info(`Workspace query ${category.workspaceName} · ${table.name} on ${tenant.displayName}:\n${compiled.query}`);
    return this.deps.panels.open(
      { tenant, category, model, filter: compiled.query, filterText: `${describeModel(category.graph, model, 'kql')} · workspace ${category.workspaceName}`, graphOrigin: origin, fetchedAtMs: nowMs, range: compiled.range },
      // A workspace query is not saved in the tree (the toolbar does not offer it).
      { pages: (signal) => pages(signal), stats, firstLoad: PAGES_PER_LOAD, saveQuery: async () => undefined },
    );
  }
}
