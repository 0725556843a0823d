import { resolveTenant } from '../tenants/pickTenant';
import { type Command } from './command';
import { type TenantContext } from '../tenants/tenantContext';
import { type Prompter } from '../ui/prompter';

export function removeTenantCommand(deps: TenantContext & { readonly prompter: Prompter }): Command {
  return {
    id: 'identityLogs.removeTenant',
    run: async (arg?: unknown) => {
      const tenant = await resolveTenant(deps.store, arg, 'remove');
      if (!tenant) return;
      const remove = await deps.prompter.confirm({ message: `Remove ${tenant.displayName}?`, detail: 'Its sign-in, cached tokens and stored secret or key are deleted from this machine. Nothing changes in the tenant.', action: 'Remove' });
      if (!remove) return;
      await deps.sessions.forget(tenant);
      await deps.store.remove(tenant.key);
      deps.log.info(`Removed tenant ${tenant.displayName} and its secrets.`);
    },
  };
}
