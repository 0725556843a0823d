import * as vscode from 'vscode';
import { CATEGORIES, categoryById } from '../../core/catalog/categories';
import { type CategorySpec } from '../../core/catalog/types';
import { defaultModel } from '../../core/catalog/defaultModel';
import { type FilterModel } from '../../core/odata/model';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { promptFilter } from '../query/filterPrompt';
import { type QueryRunner } from '../query/queryRunner';
import { type QueryStore } from '../query/queryStore';
import { type TenantStore } from '../tenants/tenantStore';
import { type ResultsPanel } from '../results/resultsPanel';
import { resolveTenant } from '../tenants/pickTenant';
import { type Command } from './command';

/** What the query commands use. */
export interface QueryCommandDeps {
  readonly store: TenantStore;
  readonly queries: QueryStore;
  readonly runner: QueryRunner;
}

async function target(deps: QueryCommandDeps, arg: unknown): Promise<{ tenant: TenantConfig; category: CategorySpec; model?: FilterModel; pivot?: boolean } | undefined> {
  if (typeof arg === 'object' && arg !== null && 'category' in arg) {
    const a = arg as { tenant?: TenantConfig; tenantKey?: string; category: CategorySpec | string; model?: FilterModel; pivot?: unknown };
    const tenant = a.tenant ?? (a.tenantKey ? deps.store.get(a.tenantKey) : undefined);
    const category = typeof a.category === 'string' ? categoryById(a.category) : a.category;
    if (tenant && category) return { tenant, category, model: a.model, pivot: a.pivot === true };
  }
  const tenant = await resolveTenant(deps.store, undefined, 'run a query');
  if (!tenant) return undefined;
  const pick = await vscode.window.showQuickPick(
    CATEGORIES.map((c) => ({ label: c.label, description: c.group, category: c })),
    { placeHolder: `Which report of ${tenant.displayName}?` },
  );
  return pick ? { tenant, category: pick.category } : undefined;
}

/**
 * "Run Query…": asks for the filter (starting from the last one), then opens the results. Given a
 * model it runs it; `pivot: true` (a detail panel's related query) leaves the report's default alone.
 */
export function runQueryCommand(deps: QueryCommandDeps): Command {
  return {
    id: 'identityLogs.runQuery',
    run: async (arg?: unknown): Promise<ResultsPanel | undefined> => {
      const t = await target(deps, arg);
      if (!t) return undefined;
      const model = t.model ?? (await promptFilter(t.category, deps.queries.last(t.tenant.key, t.category.id) ?? defaultModel(t.category), `${t.category.label} · ${t.tenant.displayName}`, () => Date.now()));
      return model ? deps.runner.start(t.tenant, t.category, model, { remember: !t.pivot }) : undefined;
    },
  };
}

export function runLastQueryCommand(deps: QueryCommandDeps): Command {
  return {
    id: 'identityLogs.runLastQuery',
    run: async (arg?: unknown): Promise<ResultsPanel | undefined> => {
      const t = await target(deps, arg);
      if (!t) return undefined;
      return deps.runner.start(t.tenant, t.category, deps.queries.last(t.tenant.key, t.category.id) ?? defaultModel(t.category));
    },
  };
}

export function runSavedQueryCommand(deps: Pick<QueryCommandDeps, 'runner'>): Command {
  return {
    id: 'identityLogs.runSavedQuery',
    run: async (arg?: unknown) => {
      const node = arg as { tenant?: TenantConfig; query?: { category: string; model: FilterModel } } | undefined;
      const category = node?.query ? categoryById(node.query.category) : undefined;
      if (!node?.tenant || !node.query || !category) return undefined;
      return deps.runner.start(node.tenant, category, node.query.model);
    },
  };
}

export function deleteSavedQueryCommand(deps: Pick<QueryCommandDeps, 'queries'>): Command {
  return {
    id: 'identityLogs.deleteSavedQuery',
    run: async (arg?: unknown) => {
      const node = arg as { tenant?: TenantConfig; query?: { id: string; name: string } } | undefined;
      if (!node?.tenant || !node.query) return;
      await deps.queries.remove(node.tenant.key, node.query.id);
    },
  };
}
