import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { resolveTenant } from '../../tenants/pickTenant';
import { type TenantStore } from '../../tenants/tenantStore';
import { type CommandContext } from '../command';

/**
 * The tenant a command acts on: the tree node it was run on (or any node holding a tenant), a
 * tenant key (API callers), or the user's pick; the only tenant is taken without asking.
 */
export function tenantArg(store: TenantStore, purpose: string) {
  return (raw: readonly unknown[], { prompter }: CommandContext): Promise<TenantConfig | undefined> => resolveTenant(store, prompter, raw[0], purpose);
}
