import { workspaceCategory } from '../../../core/logAnalytics/category';
import { workspaceTable } from '../../../core/logAnalytics/tables';
import { type WorkspaceCategory } from '../../../core/catalog/types';
import { type FilterModel } from '../../../core/odata/model';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { resolveTenant } from '../../tenants/pickTenant';
import { type TenantStore } from '../../tenants/tenantStore';
import { type SavedWorkspace, type Workspaces } from '../../workspaces/workspaces';
import { type CommandContext } from '../command';
import { type Prompter } from '../../ui/prompter';

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

/** A token to follow: `{ tenantKey?, token?, issued? }` from a panel, a row or a script; what is missing is asked. */
export interface TokenTarget {
  readonly tenantKey?: unknown;
  readonly token?: unknown;
  /** When the token's sign-in happened (ISO or epoch ms): what follows from it is looked for around then. */
  readonly issued?: unknown;
}

/** What a token looks like: Entra's identifiers are base64url, tens of characters. */
const TOKEN = /^[A-Za-z0-9_-]{8,128}$/;

export const tokenTargetArg = ([arg]: readonly unknown[]): TokenTarget => (typeof arg === 'object' && arg !== null ? (arg as TokenTarget) : {});

/** The tenant (asked when not given), the token (asked when not given or not one) and when it was issued, if known. */
export async function resolveToken(store: TenantStore, prompter: Prompter, target: TokenTarget, title: string): Promise<{ tenant: TenantConfig; token: string; issuedMs: number | undefined } | undefined> {
  const tenant = await resolveTenant(store, prompter, typeof target.tenantKey === 'string' ? target.tenantKey : undefined, title.toLowerCase());
  if (!tenant) return undefined;
  const given = typeof target.token === 'string' ? target.token.trim() : '';
  const token = TOKEN.test(given) ? given : (await prompter.input({ title, prompt: 'A sign-in’s unique token identifier (uniqueTokenIdentifier)', validate: (t) => (TOKEN.test(t.trim()) ? undefined : 'A unique token identifier is 8 to 128 letters, digits, - or _.') }))?.trim();
  if (!token) return undefined;
  const issuedMs = typeof target.issued === 'number' ? target.issued : typeof target.issued === 'string' ? Date.parse(target.issued) : Number.NaN;
  return { tenant, token, issuedMs: Number.isFinite(issuedMs) ? issuedMs : undefined };
}
