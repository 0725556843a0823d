import * as vscode from 'vscode';
import { resolveTenant } from '../tenants/pickTenant';
import { showError } from '../ui/showError';
import { type Command } from './command';
import { type TenantContext } from '../tenants/tenantContext';

/** Removes the tenant's accounts, cached tokens and stored secret or key. */
export function signOutCommand(deps: TenantContext): Command {
  return {
    id: 'identityLogs.signOut',
    run: async (arg?: unknown) => {
      const tenant = await resolveTenant(deps.store, arg, 'sign out');
      if (!tenant) return;
      try {
        await deps.sessions.signOut(tenant);
        const what = tenant.signInKind === 'deviceCode' ? 'its account and cached tokens' : tenant.signInKind === 'clientSecret' ? 'its client secret and cached tokens' : 'its private key and cached tokens';
        void vscode.window.showInformationMessage(`Signed out of ${tenant.displayName}; ${what} were removed from this machine.`);
      } catch (e) {
        await showError(deps.log, deps.channel, `Could not sign out of ${tenant.displayName}`, e);
      }
    },
  };
}
