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
import { slicePages, sliceQuery } from '../../core/logAnalytics/slices';
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
/** The first slice of a panel's query; later ones double while they return under a quarter of the target. */
const FIRST_SLICE_MS = 3_600_000;
const SLICE_TARGET_ROWS = 10_000;
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
      // Newest first, from a narrow slice that widens while slices come back small: the first rows
      // show in the time one hour of the table takes, and no answer holds the whole range at once.
      const slices = sliceQuery(api, { workspaceId: category.workspaceId, table, model, range }, { nowMs, signal, initialSliceMs: FIRST_SLICE_MS, targetRows: SLICE_TARGET_ROWS });
      const paged = slicePages(slices, (r) => toGraphShape(r, source), PAGE_ROWS);
      let pageNumber = 0;
      for (;;) {
        const next = await paged.next();
        if (next.done) return { splits: next.value.narrowed };
        yield { ...next.value, pageNumber: ++pageNumber };
      }
    };
    this.deps.log.info(`Workspace query ${category.workspaceName} · ${table.name} on ${tenant.displayName}:\n${compiled.query}`);
    return this.deps.panels.open(
      { tenant, category, model, filter: compiled.query, filterText: `${describeModel(category.filter, model, 'kql')} · workspace ${category.workspaceName}`, graphOrigin: origin, fetchedAtMs: nowMs, range: compiled.range },
      // A workspace query is not saved in the tree (the toolbar does not offer it).
      { pages: (signal) => pages(signal), stats, firstLoad: PAGES_PER_LOAD, saveQuery: async () => undefined },
    );
  }
}
