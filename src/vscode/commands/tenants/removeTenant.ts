import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type TenantContext } from '../../tenants/tenantContext';
import { defineCommand } from '../command';
import { tenantArg } from './args';

export function removeTenantCommand(deps: TenantContext) {
  return defineCommand({
    id: 'identityLogs.removeTenant',
    args: tenantArg(deps.store, 'remove'),
    run: async (tenant: TenantConfig, { prompter }) => {
      const remove = await prompter.confirm({ message: `Remove ${tenant.displayName}?`, detail: 'Its sign-in, cached tokens and stored secret or key are deleted from this machine. Nothing changes in the tenant.', action: 'Remove' });
      if (!remove) return;
      await deps.sessions.forget(tenant);
      await deps.store.remove(tenant.key);
      deps.log.info(`Removed tenant ${tenant.displayName} and its secrets.`);
    },
  });
}
