import * as vscode from 'vscode';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type TenantContext } from '../../tenants/tenantContext';
import { showError } from '../../ui/showError';
import { defineCommand } from '../command';
import { tenantArg } from './args';

/** Removes the tenant's accounts, cached tokens and stored secret or key. */
export function signOutCommand(deps: TenantContext) {
  return defineCommand({
    id: 'identityLogs.signOut',
    args: tenantArg(deps.store, 'sign out'),
    run: async (tenant: TenantConfig) => {
      try {
        await deps.sessions.signOut(tenant);
        const what = tenant.signInKind === 'deviceCode' ? 'its account and cached tokens' : tenant.signInKind === 'clientSecret' ? 'its client secret and cached tokens' : 'its private key and cached tokens';
        void vscode.window.showInformationMessage(`Signed out of ${tenant.displayName}; ${what} were removed from this machine.`);
      } catch (e) {
        await showError(deps.log, deps.channel, `Could not sign out of ${tenant.displayName}`, e);
      }
    },
  });
}
