import * as vscode from 'vscode';
import { readable } from '../../core/records/untrusted';
import { describeFilters, parseRowFilters } from '../../core/query/rowFilters';
import { CATEGORIES, categoryById } from '../../core/catalog/categories';
import { type CategorySpec } from '../../core/catalog/types';
import { defaultModel } from '../../core/catalog/defaultModel';
import { checkpointPathOf, type Destination, type ExportSpec } from '../../core/export/checkpoint';
import { queryHeader } from '../../core/export/header';
import { type ExportFormat } from '../../core/export/formats';
import { categoryFor, sourceOf } from '../../core/sources/registry';
import { EMPTY_FILTER, type FilterModel, type TimeRange } from '../../core/odata/model';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type ExportJob, type ExportJobs } from '../export/exportJobs';
import { type ExportChoice, promptExport } from '../export/exportPrompt';
import { type QueryStore } from '../query/queryStore';
import { type ResultsPanels } from '../results/resultsPanels';
import { type TenantStore } from '../tenants/tenantStore';
import { ResultsPanel } from '../results/resultsPanel';
import { resolveTenant } from '../tenants/pickTenant';
import { type Command } from './command';

/** A fully specified export (scripts and tests): no prompts. */
interface ExportRequest {
  readonly tenantKey: string;
  readonly category: string;
  readonly model?: FilterModel;
  readonly time?: TimeRange;
  readonly format: ExportFormat;
  readonly columns?: readonly string[];
  readonly destination: Destination;
  /** With `category: 'o365'`: the Office 365 content type to export. */
  readonly contentType?: string;
  /** Client-side filters to apply to every record (as a panel's). */
  readonly rowFilters?: unknown;
}

function isExportRequest(a: unknown): a is ExportRequest {
  const r = a as Partial<ExportRequest> | undefined;
  return typeof r === 'object' && r !== null && typeof r.tenantKey === 'string' && typeof r.category === 'string' && typeof r.format === 'string' && typeof r.destination === 'object';
}

interface ExportSource {
  readonly tenant: TenantConfig;
  readonly category: CategorySpec;
  readonly model: FilterModel;
  readonly panel?: ResultsPanel;
}

/** What the export command uses. */
export interface ExportCommandDeps {
  readonly store: TenantStore;
  readonly queries: QueryStore;
  readonly panels: ResultsPanels;
  readonly state: vscode.Memento;
  readonly extensionVersion: string;
}

/** What "Export…" was run on: a results panel, a category or saved-query node, or nothing (ask). */
async function exportSourceOf(deps: ExportCommandDeps, arg: unknown): Promise<ExportSource | undefined> {
  if (arg instanceof ResultsPanel) return { tenant: arg.query.tenant, category: arg.query.category, model: arg.query.model, panel: arg };
  const node = arg as { tenant?: TenantConfig; category?: CategorySpec; query?: { category: string; model: FilterModel }; contentType?: unknown } | undefined;
  // A content type node of the Office 365 branch.
  const content = node?.contentType !== undefined ? categoryFor('o365', node.contentType) : undefined;
  if (node?.tenant && content) return { tenant: node.tenant, category: content, model: EMPTY_FILTER };
  if (node?.tenant && node.query) {
    const category = categoryById(node.query.category);
    return category ? { tenant: node.tenant, category, model: node.query.model } : undefined;
  }
  if (node?.tenant && node.category) return { tenant: node.tenant, category: node.category, model: deps.queries.last(node.tenant.key, node.category.id) ?? defaultModel(node.category) };
  const panel = deps.panels.target();
  if (panel?.active) return { tenant: panel.query.tenant, category: panel.query.category, model: panel.query.model, panel };
  const tenant = await resolveTenant(deps.store, undefined, 'export');
  if (!tenant) return undefined;
  const pick = await vscode.window.showQuickPick(
    CATEGORIES.map((c) => ({ label: c.label, description: c.group, category: c })),
    { title: 'Export', placeHolder: `Export which report of ${tenant.displayName}? (with its last filter)` },
  );
  return pick ? { tenant, category: pick.category, model: deps.queries.last(tenant.key, pick.category.id) ?? defaultModel(pick.category) } : undefined;
}

function specOf(deps: ExportCommandDeps, src: ExportSource, choice: ExportChoice, nowMs: number): ExportSpec {
  return {
    ...sourceOf(src.category).exportSpecFields(src.category),
    tenantKey: src.tenant.key,
    categoryId: src.category.id,
    // Set from the tenant's endpoints when the export runs (and again on every resume).
    graphOrigin: '',
    filterWithoutTime: choice.plan.filterWithoutTime,
    range: choice.plan.range,
    ...(choice.plan.retentionDays !== undefined ? { retentionDays: choice.plan.retentionDays } : {}),
    ...(choice.rowFilters ? { rowFilters: choice.rowFilters } : {}),
    format: choice.format,
    columns: choice.columns,
    destination: choice.destination,
    header: queryHeader({ tenant: src.tenant, category: src.category, filter: choice.plan.filter, range: choice.plan.range, ...(choice.rowFilters ? { clientFilters: describeFilters(choice.rowFilters) } : {}), fetchedAtMs: nowMs, extensionVersion: deps.extensionVersion }),
    extensionVersion: deps.extensionVersion,
  };
}

export function exportCommand(deps: ExportCommandDeps, jobs: ExportJobs): Command {
  return {
    id: 'identityLogs.export',
    run: async (arg?: unknown): Promise<ExportJob | undefined> => {
      const nowMs = Date.now();
      let src: ExportSource | undefined;
      let choice: ExportChoice | undefined;
      if (isExportRequest(arg)) {
        const tenant = deps.store.get(arg.tenantKey);
        const category = categoryFor(arg.category, arg.contentType);
        if (!tenant || !category) throw new Error(`Unknown tenant or category: ${arg.tenantKey} ${arg.category} ${arg.contentType ?? ''}`);
        const model = arg.model ?? defaultModel(category);
        const time = arg.time ?? model.time;
        src = { tenant, category, model };
        const plan = sourceOf(category).exportPlan(category, model, time, nowMs);
        if (plan.problem) throw new Error(plan.problem);
        const rowFilters = arg.rowFilters === undefined ? undefined : parseRowFilters(arg.rowFilters);
        if (arg.rowFilters !== undefined && !rowFilters) throw new Error('The export request\'s rowFilters are malformed.');
        choice = { format: arg.format, columns: arg.columns, time, plan, destination: arg.destination, resume: false, ...(rowFilters ? { rowFilters } : {}) };
      } else {
        src = await exportSourceOf(deps, arg);
        if (!src) return undefined;
        const unavailable = sourceOf(src.category).unavailable(src.tenant);
        if (unavailable) {
          void vscode.window.showWarningMessage(unavailable);
          return undefined;
        }
        choice = await promptExport(deps.state, { tenant: src.tenant, category: src.category, model: src.model, samples: readable(src.panel?.loadedRecords().slice(0, 50) ?? []), visibleColumns: src.panel?.currentColumns() ?? deps.queries.columns(src.category.id) ?? src.category.defaultColumns, rowFilters: src.panel?.currentFilters(), nowMs });
        if (!choice) return undefined;
      }
      const job = choice.resume ? await jobs.resume(checkpointPathOf(choice.destination)) : await jobs.start(src.tenant, src.category, specOf(deps, src, choice, nowMs));
      if (job) src.panel?.trackExport(job);
      return job;
    },
  };
}

export function resumeExportCommand(jobs: ExportJobs): Command {
  return {
    id: 'identityLogs.resumeExport',
    /** A checkpoint path skips the pick list. */
    run: async (arg?: unknown): Promise<ExportJob | undefined> => {
      if (typeof arg === 'string') return jobs.resume(arg);
      const list = jobs.pendingList();
      if (list.length === 0) {
        void vscode.window.showInformationMessage('No unfinished exports.');
        return undefined;
      }
      const discard = { iconPath: new vscode.ThemeIcon('trash'), tooltip: 'Discard this export (deletes its checkpoint and partial file)' };
      return new Promise<ExportJob | undefined>((resolve) => {
        const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { checkpointPath: string }>();
        const refresh = () => {
          qp.items = jobs.pendingList().map((p) => ({ label: p.label, description: p.running ? 'running' : `started ${p.startedAt.slice(0, 16).replace('T', ' ')} UTC`, detail: p.checkpointPath, checkpointPath: p.checkpointPath, buttons: [discard] }));
        };
        refresh();
        qp.title = 'Resume Export';
        qp.placeholder = 'Which export? It continues from its last checkpoint.';
        qp.onDidTriggerItemButton(async (e) => {
          await jobs.discard(e.item.checkpointPath);
          refresh();
          if (qp.items.length === 0) qp.hide();
        });
        qp.onDidAccept(() => {
          const item = qp.selectedItems[0];
          qp.hide();
          resolve(item ? jobs.resume(item.checkpointPath) : undefined);
        });
        qp.onDidHide(() => {
          qp.dispose();
          resolve(undefined);
        });
        qp.show();
      });
    },
  };
}
