import * as vscode from 'vscode';
import { readable } from '../../../core/records/untrusted';
import { parseRowFilters } from '../../../core/query/rowFilters';
import { CATEGORIES, categoryById } from '../../../core/catalog/categories';
import { type CategorySpec } from '../../../core/catalog/types';
import { defaultModel } from '../../../core/catalog/defaultModel';
import { type ExportFormat, FORMAT_EXTENSIONS } from '../../../core/export/formats';
import { categoryFor, exportsOf, sourceOf } from '../../../core/sources/registry';
import { EMPTY_FILTER, type FilterModel, type TimeRange } from '../../../core/odata/model';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type ExportChoice, pickDestination, promptExport } from '../../export/exportPrompt';
import { type QueryStore } from '../../query/queryStore';
import { ResultsPanel } from '../../results/resultsPanel';
import { type ResultsPanels } from '../../results/resultsPanels';
import { resolveTenant } from '../../tenants/pickTenant';
import { type TenantStore } from '../../tenants/tenantStore';
import { type Prompter } from '../../ui/prompter';
import { asConfigured } from '../../query/signInVersion';
import { type CommandContext } from '../command';

/**
 * An export described up front (scripts, other extensions): what to export and how. Where the rows
 * go is still asked: a file is written only where the user said.
 */
interface ExportRequest {
  readonly tenantKey: string;
  readonly category: string;
  readonly model?: FilterModel;
  readonly time?: TimeRange;
  readonly format: ExportFormat;
  readonly columns?: readonly string[];
  /** With `category: 'o365'`: the Office 365 content type to export. */
  readonly contentType?: string;
  /** Client-side filters to apply to every record (as a panel's). */
  readonly rowFilters?: unknown;
}

function isExportRequest(a: unknown): a is ExportRequest {
  const r = a as Partial<ExportRequest> | undefined;
  return typeof r === 'object' && r !== null && typeof r.tenantKey === 'string' && typeof r.category === 'string' && typeof r.format === 'string';
}

/** What is exported: a report of a tenant with a filter, and the panel it was started from. */
export interface ExportSource {
  readonly tenant: TenantConfig;
  readonly category: CategorySpec;
  readonly model: FilterModel;
  readonly panel?: ResultsPanel;
}

/** The export command's one value: the source, and every answer given. */
export interface ExportInput {
  readonly source: ExportSource;
  readonly choice: ExportChoice;
}

export interface ExportArgDeps {
  readonly store: TenantStore;
  readonly queries: QueryStore;
  readonly panels: ResultsPanels;
  readonly state: vscode.Memento;
}

/** What "Export…" was run on: a results panel, a category or saved-query node, or nothing (ask). */
async function exportSourceOf(deps: ExportArgDeps, prompter: Prompter, arg: unknown): Promise<ExportSource | undefined> {
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
  const tenant = await resolveTenant(deps.store, prompter, undefined, 'export');
  if (!tenant) return undefined;
  const pick = await prompter.pick(
    CATEGORIES.map((c) => ({ label: c.label, description: c.group, category: c })),
    { title: 'Export', placeHolder: `Export which report of ${tenant.displayName}? (with its last filter)` },
  );
  return pick ? { tenant, category: pick.category, model: deps.queries.last(tenant.key, pick.category.id) ?? defaultModel(pick.category) } : undefined;
}

/** A Graph report as this user reads it (the sign-in version setting); other sources as they are. */
const configured = <C extends CategorySpec | undefined>(c: C): C => (c?.source === 'graph' ? (asConfigured(c) as C) : c);

/** A request's answers, checked as carefully as a person's; only the destination is asked. */
async function fromRequest(deps: ExportArgDeps, prompter: Prompter, request: ExportRequest, nowMs: number): Promise<ExportInput | undefined> {
  const tenant = deps.store.get(request.tenantKey);
  const category = configured(categoryFor(request.category, request.contentType));
  if (!tenant || !category) throw new Error(`Unknown tenant or category: ${request.tenantKey} ${request.category} ${request.contentType ?? ''}`);
  if (!(request.format in FORMAT_EXTENSIONS)) throw new Error(`Unknown export format ${String(request.format)}.`);
  const model = request.model ?? defaultModel(category);
  const time = request.time ?? model.time;
  const plan = exportsOf(category).exportPlan(category, model, time, nowMs);
  if (plan.problem) throw new Error(plan.problem);
  const rowFilters = request.rowFilters === undefined ? undefined : parseRowFilters(request.rowFilters);
  if (request.rowFilters !== undefined && !rowFilters) throw new Error("The export request's rowFilters are malformed.");
  const place = await pickDestination(deps.state, prompter, { tenant, category }, request.format, plan);
  if (!place) return undefined;
  return { source: { tenant, category, model }, choice: { format: request.format, columns: request.columns, time, plan, ...place, ...(rowFilters ? { rowFilters } : {}) } };
}

export function exportArg(deps: ExportArgDeps) {
  return async ([arg]: readonly unknown[], { prompter }: CommandContext): Promise<ExportInput | undefined> => {
    const nowMs = Date.now();
    if (isExportRequest(arg)) return fromRequest(deps, prompter, arg, nowMs);
    const found = await exportSourceOf(deps, prompter, arg);
    if (!found) return undefined;
    const source = { ...found, category: configured(found.category) };
    const unavailable = sourceOf(source.category).exports ? sourceOf(source.category).unavailable(source.tenant) : `${source.category.label} cannot be exported in bulk yet; Save as JSON writes the rows the panel has loaded.`;
    if (unavailable) {
      void vscode.window.showWarningMessage(unavailable);
      return undefined;
    }
    const { panel } = source;
    const choice = await promptExport(deps.state, prompter, {
      tenant: source.tenant,
      category: source.category,
      model: source.model,
      samples: readable((await panel?.firstRecords(50)) ?? []),
      visibleColumns: panel?.currentColumns() ?? deps.queries.columns(source.category.id) ?? source.category.defaultColumns,
      rowFilters: panel?.currentFilters(),
      nowMs,
    });
    return choice ? { source, choice } : undefined;
  };
}
