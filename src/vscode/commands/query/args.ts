import { CATEGORIES, categoryById } from '../../../core/catalog/categories';
import { type GraphCategory } from '../../../core/catalog/types';
import { type FilterModel } from '../../../core/odata/model';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { resolveTenant } from '../../tenants/pickTenant';
import { type TenantStore } from '../../tenants/tenantStore';
import { type CommandContext } from '../command';

/** A report to query: its tenant and category, and the filter when the caller gave one. */
export interface QueryTarget {
  readonly tenant: TenantConfig;
  readonly category: GraphCategory;
  readonly model?: FilterModel;
  /** A detail panel's related query: it leaves the report's remembered filter alone. */
  readonly pivot: boolean;
}

/**
 * A category node of the tree, `{ tenantKey, category, model?, pivot? }` (detail panels' related
 * queries, walkthrough links), or nothing: then the tenant and report are asked for.
 */
export function queryTargetArg(store: TenantStore) {
  return async ([arg]: readonly unknown[], { prompter }: CommandContext): Promise<QueryTarget | undefined> => {
    if (typeof arg === 'object' && arg !== null && 'category' in arg) {
      const a = arg as { tenant?: TenantConfig; tenantKey?: unknown; category: unknown; model?: FilterModel; pivot?: unknown };
      const tenant = a.tenant ?? (typeof a.tenantKey === 'string' ? store.get(a.tenantKey) : undefined);
      const category = typeof a.category === 'string' ? categoryById(a.category) : (a.category as GraphCategory);
      if (tenant && category) return { tenant, category, model: a.model, pivot: a.pivot === true };
    }
    const tenant = await resolveTenant(store, prompter, undefined, 'run a query');
    if (!tenant) return undefined;
    const pick = await prompter.pick(
      CATEGORIES.map((c) => ({ label: c.label, description: c.group, category: c })),
      { placeHolder: `Which report of ${tenant.displayName}?` },
    );
    return pick ? { tenant, category: pick.category, pivot: false } : undefined;
  };
}

/** A saved query, as the tree's node for it carries it. */
export interface SavedQueryNode {
  readonly tenant: TenantConfig;
  readonly query: { readonly id: string; readonly name: string; readonly category: string; readonly model: FilterModel };
}

export function savedQueryArg([arg]: readonly unknown[]): SavedQueryNode | undefined {
  const node = arg as Partial<SavedQueryNode> | undefined;
  return node?.tenant && node.query && typeof node.query.category === 'string' ? (node as SavedQueryNode) : undefined;
}
