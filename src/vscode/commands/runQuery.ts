import * as vscode from 'vscode';
import { CATEGORIES, categoryById } from '../../core/catalog/categories';
import { CategorySpec } from '../../core/catalog/types';
import { EMPTY_FILTER, FilterModel } from '../../core/odata/model';
import { TenantConfig } from '../../core/tenants/tenantConfig';
import { promptFilter } from '../query/filterPrompt';
import { QueryDeps, startQuery } from '../query/startQuery';
import { ResultsPanel } from '../results/resultsPanel';
import { resolveTenant } from '../tenants/pickTenant';
import { Command } from './command';

async function target(deps: QueryDeps, arg: unknown): Promise<{ tenant: TenantConfig; category: CategorySpec; model?: FilterModel } | undefined> {
  if (typeof arg === 'object' && arg !== null && 'category' in arg) {
    const a = arg as { tenant?: TenantConfig; tenantKey?: string; category: CategorySpec | string; model?: FilterModel };
    const tenant = a.tenant ?? (a.tenantKey ? deps.store.get(a.tenantKey) : undefined);
    const category = typeof a.category === 'string' ? categoryById(a.category) : a.category;
    if (tenant && category) return { tenant, category, model: a.model };
  }
  const tenant = await resolveTenant(deps.store, undefined, 'run a query');
  if (!tenant) return undefined;
  const pick = await vscode.window.showQuickPick(
    CATEGORIES.map((c) => ({ label: c.label, description: c.group, category: c })),
    { placeHolder: `Which report of ${tenant.displayName}?` },
  );
  return pick ? { tenant, category: pick.category } : undefined;
}

export function defaultModel(category: CategorySpec): FilterModel {
  // Risky users are few and change slowly: show all of them, not just the last day's changes.
  return category.id === 'riskyUsers' ? { ...EMPTY_FILTER, time: { kind: 'all' } } : EMPTY_FILTER;
}

/** "Run Query…": asks for the filter (starting from the last one), then opens the results. */
export function runQueryCommand(deps: QueryDeps): Command {
  return {
    id: 'identityLogs.runQuery',
    run: async (arg?: unknown): Promise<ResultsPanel | undefined> => {
      const t = await target(deps, arg);
      if (!t) return undefined;
      const model = t.model ?? (await promptFilter(t.category, deps.queries.last(t.tenant.key, t.category.id) ?? defaultModel(t.category), `${t.category.label} · ${t.tenant.displayName}`, () => Date.now()));
      return model ? startQuery(deps, t.tenant, t.category, model, { remember: true }) : undefined;
    },
  };
}

export function runLastQueryCommand(deps: QueryDeps): Command {
  return {
    id: 'identityLogs.runLastQuery',
    run: async (arg?: unknown): Promise<ResultsPanel | undefined> => {
      const t = await target(deps, arg);
      if (!t) return undefined;
      return startQuery(deps, t.tenant, t.category, deps.queries.last(t.tenant.key, t.category.id) ?? defaultModel(t.category));
    },
  };
}

export function runSavedQueryCommand(deps: QueryDeps): Command {
  return {
    id: 'identityLogs.runSavedQuery',
    run: async (arg?: unknown) => {
      const node = arg as { tenant?: TenantConfig; query?: { category: string; model: FilterModel } } | undefined;
      const category = node?.query ? categoryById(node.query.category) : undefined;
      if (!node?.tenant || !node.query || !category) return undefined;
      return startQuery(deps, node.tenant, category, node.query.model);
    },
  };
}

export function deleteSavedQueryCommand(deps: QueryDeps): Command {
  return {
    id: 'identityLogs.deleteSavedQuery',
    run: async (arg?: unknown) => {
      const node = arg as { tenant?: TenantConfig; query?: { id: string; name: string } } | undefined;
      if (!node?.tenant || !node.query) return;
      await deps.queries.remove(node.tenant.key, node.query.id);
    },
  };
}
