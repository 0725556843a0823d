import * as vscode from 'vscode';
import { resolveTenant } from '../tenants/pickTenant';
import { type Command } from './command';
import { type TenantContext } from '../tenants/tenantContext';

export function removeTenantCommand(deps: TenantContext): Command {
  return {
    id: 'identityLogs.removeTenant',
    run: async (arg?: unknown, options?: { confirm?: boolean }) => {
      const tenant = await resolveTenant(deps.store, arg, 'remove');
      if (!tenant) return;
      if (options?.confirm !== false) {
        const choice = await vscode.window.showWarningMessage(
          `Remove ${tenant.displayName}?`,
          { modal: true, detail: 'Its sign-in, cached tokens and stored secret or key are deleted from this machine. Nothing changes in the tenant.' },
          'Remove',
        );
        if (choice !== 'Remove') return;
      }
      await deps.sessions.forget(tenant);
      await deps.store.remove(tenant.key);
      deps.log.info(`Removed tenant ${tenant.displayName} and its secrets.`);
    },
  };
}
