import * as vscode from 'vscode';
import { readable } from '../../core/records/untrusted';
import { describeFilters, parseRowFilters } from '../../core/query/rowFilters';
import { CATEGORIES, categoryById } from '../../core/catalog/categories';
import { CategorySpec } from '../../core/catalog/types';
import { checkpointPathOf, Destination, ExportSpec } from '../../core/export/checkpoint';
import { queryHeader } from '../../core/export/header';
import { ExportFormat } from '../../core/export/formats';
import { planFor } from '../../core/export/plan';
import { o365Category, o365ContentTypeOf } from '../../core/o365/category';
import { isContentType } from '../../core/o365/contentTypes';
import { EMPTY_FILTER, FilterModel, TimeRange } from '../../core/odata/model';
import { o365Unavailable } from '../o365/o365Subscriptions';
import { TenantConfig } from '../../core/tenants/tenantConfig';
import { ExportJob, ExportJobs } from '../export/exportJobs';
import { ExportChoice, promptExport } from '../export/exportPrompt';
import { panelOf } from '../results/activePanel';
import { QueryDeps } from '../query/startQuery';
import { ResultsPanel } from '../results/resultsPanel';
import { resolveTenant } from '../tenants/pickTenant';
import { Command } from './command';
import { defaultModel } from './runQuery';

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

/** What "Export…" was run on: a results panel, a category or saved-query node, or nothing (ask). */
async function sourceOf(deps: QueryDeps, arg: unknown): Promise<ExportSource | undefined> {
  if (arg instanceof ResultsPanel) return { tenant: arg.query.tenant, category: arg.query.category, model: arg.query.model, panel: arg };
  const node = arg as { tenant?: TenantConfig; category?: CategorySpec; query?: { category: string; model: FilterModel }; contentType?: unknown } | undefined;
  if (node?.tenant && isContentType(node.contentType)) return { tenant: node.tenant, category: o365Category(node.contentType), model: EMPTY_FILTER };
  if (node?.tenant && node.query) {
    const category = categoryById(node.query.category);
    return category ? { tenant: node.tenant, category, model: node.query.model } : undefined;
  }
  if (node?.tenant && node.category) return { tenant: node.tenant, category: node.category, model: deps.queries.last(node.tenant.key, node.category.id) ?? defaultModel(node.category) };
  const panel = panelOf(deps.panels, undefined);
  if (panel?.active) return { tenant: panel.query.tenant, category: panel.query.category, model: panel.query.model, panel };
  const tenant = await resolveTenant(deps.store, undefined, 'export');
  if (!tenant) return undefined;
  const pick = await vscode.window.showQuickPick(
    CATEGORIES.map((c) => ({ label: c.label, description: c.group, category: c })),
    { title: 'Export', placeHolder: `Export which report of ${tenant.displayName}? (with its last filter)` },
  );
  return pick ? { tenant, category: pick.category, model: deps.queries.last(tenant.key, pick.category.id) ?? defaultModel(pick.category) } : undefined;
}

function specOf(deps: QueryDeps, src: ExportSource, choice: ExportChoice, nowMs: number): ExportSpec {
  const contentType = o365ContentTypeOf(src.category);
  return {
    ...(contentType ? { o365: { contentType } } : {}),
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

export function exportCommand(deps: QueryDeps, jobs: ExportJobs): Command {
  return {
    id: 'identityLogs.export',
    run: async (arg?: unknown): Promise<ExportJob | undefined> => {
      const nowMs = Date.now();
      let src: ExportSource | undefined;
      let choice: ExportChoice | undefined;
      if (isExportRequest(arg)) {
        const tenant = deps.store.get(arg.tenantKey);
        const category = arg.category === 'o365' ? (isContentType(arg.contentType) ? o365Category(arg.contentType) : undefined) : categoryById(arg.category);
        if (!tenant || !category) throw new Error(`Unknown tenant or category: ${arg.tenantKey} ${arg.category} ${arg.contentType ?? ''}`);
        const model = arg.model ?? (category.source === 'o365' ? EMPTY_FILTER : defaultModel(category));
        const time = arg.time ?? model.time;
        src = { tenant, category, model };
        const plan = planFor(category, model, time, nowMs);
        if (plan.problem) throw new Error(plan.problem);
        const rowFilters = arg.rowFilters === undefined ? undefined : parseRowFilters(arg.rowFilters);
        if (arg.rowFilters !== undefined && !rowFilters) throw new Error('The export request\'s rowFilters are malformed.');
        choice = { format: arg.format, columns: arg.columns, time, plan, destination: arg.destination, resume: false, ...(rowFilters ? { rowFilters } : {}) };
      } else {
        src = await sourceOf(deps, arg);
        if (!src) return undefined;
        const unavailable = src.category.source === 'o365' ? o365Unavailable(src.tenant) : undefined;
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
