import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { CategorySpec } from '../../core/catalog/types';
import { Pacer } from '../../core/http/pacer';
import { buildFilter } from '../../core/odata/build';
import { FilterModel, resolveTime } from '../../core/odata/model';
import { runQuery } from '../../core/query/runQuery';
import { TenantConfig } from '../../core/tenants/tenantConfig';
import { CommandDeps } from '../commands/deps';
import { RecordDocuments } from '../results/recordDocuments';
import { PAGES_PER_LOAD, ResultsPanel } from '../results/resultsPanel';
import { openResultsPanel } from '../results/openResultsPanel';
import { showError } from '../ui/showError';
import { describeModel } from './filterPrompt';
import { QueryStore } from './queryStore';

export interface QueryDeps extends CommandDeps {
  readonly queries: QueryStore;
  readonly pacer: Pacer;
  readonly records: RecordDocuments;
  readonly extensionUri: vscode.Uri;
  /** Open panels, newest last (tests and "Save as JSON" use the active one). */
  readonly panels: ResultsPanel[];
  /** Detail panels by category (sign-ins so far); other records open as raw JSON. */
  readonly details: { open?: (tenant: TenantConfig, category: CategorySpec, record: Record<string, unknown>) => Promise<void> };
  readonly extensionVersion: string;
}

const RETENTION_DAYS = 30;

/**
 * Runs a category query for a tenant and shows it in a new results panel. Only a filter the user
 * built for the report (`remember`) becomes its default: a pivot, a related query or a saved query
 * must not change what the next plain click on the report runs.
 */
export async function startQuery(deps: QueryDeps, tenant: TenantConfig, category: CategorySpec, model: FilterModel, options: { readonly remember?: boolean; readonly restored?: vscode.WebviewPanel } = {}): Promise<ResultsPanel | undefined> {
  const nowMs = Date.now();
  const full = buildFilter(category, model, { nowMs, retentionDays: RETENTION_DAYS });
  if (full.problems.length > 0) {
    void vscode.window.showErrorMessage(`${category.label}: ${full.problems[0].message}`);
    return undefined;
  }
  let api;
  try {
    api = await deps.sessions.apiClient(tenant, deps.pacer);
  } catch (e) {
    await showError(deps.log, deps.channel, `Cannot query ${tenant.displayName}`, e);
    return undefined;
  }
  if (options.remember) await deps.queries.setLast(tenant.key, category.id, model);
  const withoutTime = buildFilter(category, { ...model, time: { kind: 'all' } }, { nowMs }).filter;
  const range = resolveTime(model.time, nowMs);
  const oldest = nowMs - RETENTION_DAYS * 86_400_000 + 60_000;
  const window = range && category.timeProperty ? { fromMs: category.throttle === 'reports' ? Math.max(range.fromMs, oldest) : range.fromMs, toMs: range.toMs } : undefined;
  const plan = { category, graphOrigin: api.endpoints.graphOrigin, filterWithoutTime: withoutTime, window };

  deps.log.info(`Query ${category.label} on ${tenant.displayName}: ${full.filter ?? '(no filter)'}`);
  const panel = openResultsPanel(
    deps,
    tenant,
    category,
    { tenant, category, model, filter: full.filter, filterText: describeModel(category, model), graphOrigin: api.endpoints.graphOrigin, visibleColumns: deps.queries.columns(category.id) ?? category.defaultColumns, fetchedAtMs: nowMs, range: window, extensionVersion: deps.extensionVersion },
    {
      pages: (signal, onSplit) => runQuery(api.client, plan, { signal, onSplit }),
      stats: api.client.stats,
      firstLoad: PAGES_PER_LOAD,
      saveQuery: async () => {
        const name = await vscode.window.showInputBox({ prompt: 'Name of the saved query', value: describeModel(category, model).slice(0, 60), ignoreFocusOut: true });
        if (!name) return;
        await deps.queries.save(tenant.key, { id: crypto.randomUUID(), name, category: category.id, model });
        vscode.window.setStatusBarMessage(`Saved "${name}" under ${tenant.displayName}.`, 3000);
      },
    },
    options.restored,
  );
  return panel;
}
