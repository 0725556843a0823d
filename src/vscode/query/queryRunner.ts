import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { type GraphCategory } from '../../core/catalog/types';
import { type Pacer } from '../../core/http/pacer';
import { type Logger } from '../../core/log/redact';
import { buildFilter } from '../../core/odata/build';
import { type FilterModel, resolveTime } from '../../core/odata/model';
import { runQuery } from '../../core/query/runQuery';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { PAGES_PER_LOAD, type ResultsPanel } from '../results/resultsPanel';
import { type ResultsPanels } from '../results/resultsPanels';
import { type TenantSessions } from '../tenants/sessions';
import { showError } from '../ui/showError';
import { describeModel } from './filterPrompt';
import { type QueryStore } from './queryStore';
import { asConfigured } from './signInVersion';

export interface QueryRunnerDeps {
  readonly sessions: TenantSessions;
  /** One pacer for the whole extension: the service's limits are per app and tenant, not per panel. */
  readonly pacer: Pacer;
  readonly queries: QueryStore;
  readonly panels: ResultsPanels;
  readonly log: Logger;
  readonly channel: { show(preserveFocus?: boolean): void };
}

const RETENTION_DAYS = 30;

/** Runs a report query for a tenant and shows it in a new results panel. */
export class QueryRunner {
  constructor(private readonly deps: QueryRunnerDeps) {}

  /**
   * Only a filter the user built for the report (`remember`) becomes its default: a pivot, a
   * related query or a saved query must not change what the next plain click on the report runs.
   */
  async start(tenant: TenantConfig, report: GraphCategory, model: FilterModel, options: { readonly remember?: boolean; readonly restored?: vscode.WebviewPanel } = {}): Promise<ResultsPanel | undefined> {
    const deps = this.deps;
    const category = asConfigured(report);
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
    return deps.panels.open(
      { tenant, category, model, filter: full.filter, filterText: describeModel(category, model), graphOrigin: api.endpoints.graphOrigin, fetchedAtMs: nowMs, range: window },
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
  }
}
