import { workspaceCategory } from '../../../core/logAnalytics/category';
import { workspaceTable } from '../../../core/logAnalytics/tables';
import { type WorkspaceCategory } from '../../../core/catalog/types';
import { type FilterModel } from '../../../core/odata/model';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { resolveTenant } from '../../tenants/pickTenant';
import { type TenantStore } from '../../tenants/tenantStore';
import { type SavedWorkspace, type Workspaces } from '../../workspaces/workspaces';
import { type CommandContext } from '../command';

/** A workspace of a tenant: its tree node, or `{ tenantKey, workspaceId }`. */
export interface WorkspaceTarget {
  readonly tenant: TenantConfig;
  readonly workspace: SavedWorkspace;
}

export function workspaceArg(store: TenantStore, workspaces: Workspaces) {
  return ([arg]: readonly unknown[]): WorkspaceTarget | undefined => {
    const a = (typeof arg === 'object' && arg !== null ? arg : {}) as { tenant?: TenantConfig; workspace?: SavedWorkspace; tenantKey?: unknown; workspaceId?: unknown };
    const tenant = a.tenant ?? (typeof a.tenantKey === 'string' ? store.get(a.tenantKey) : undefined);
    const id = a.workspace?.id ?? (typeof a.workspaceId === 'string' ? a.workspaceId.toLowerCase() : undefined);
    const workspace = tenant && id ? workspaces.list(tenant.key).find((w) => w.id === id) : undefined;
    return tenant && workspace ? { tenant, workspace } : undefined;
  };
}

/** A table to query: its tree node, or `{ tenantKey, workspaceId, table, model? }` (tests, walkthrough links). */
export interface WorkspaceQueryTarget {
  readonly tenant: TenantConfig;
  readonly category: WorkspaceCategory;
  readonly model?: FilterModel;
}

export function workspaceQueryArg(store: TenantStore, workspaces: Workspaces) {
  return ([arg]: readonly unknown[]): WorkspaceQueryTarget | undefined => {
    const target = workspaceArg(store, workspaces)([arg]);
    const a = (typeof arg === 'object' && arg !== null ? arg : {}) as { table?: unknown; model?: FilterModel };
    const table = typeof a.table === 'string' ? workspaceTable(a.table) : (a.table as { name?: unknown } | undefined)?.name !== undefined ? workspaceTable(String((a.table as { name: unknown }).name)) : undefined;
    const category = target && table ? workspaceCategory(target.workspace, table) : undefined;
    return target && category ? { tenant: target.tenant, category, model: a.model } : undefined;
  };
}

/** The tenant to add a workspace to: the node it was run on, a tenant key, or a pick. */
export function tenantOfNode(store: TenantStore) {
  return ([arg]: readonly unknown[], { prompter }: CommandContext): Promise<TenantConfig | undefined> => resolveTenant(store, prompter, arg, 'add a workspace');
}
