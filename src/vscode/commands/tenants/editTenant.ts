import * as vscode from 'vscode';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { signInTenant } from '../../tenants/signInFlow';
import { type TenantContext } from '../../tenants/tenantContext';
import { runTenantWizard } from '../../tenants/tenantWizard';
import { defineCommand } from '../command';
import { tenantArg } from './args';

/** Changes a tenant's settings; a change to what signs in (tenant, cloud, app, kind) needs a new sign-in. */
export function editTenantCommand(deps: TenantContext) {
  return defineCommand({
    id: 'identityLogs.editTenant',
    args: tenantArg(deps.store, 'edit'),
    run: async (tenant: TenantConfig, { prompter }) => {
      const draft = await runTenantWizard(`Edit ${tenant.displayName}`, tenant);
      if (!draft) return;
      const identityChanged = draft.tenant !== tenant.tenant || draft.cloud !== tenant.cloud || draft.gcc !== tenant.gcc || draft.target !== tenant.target || draft.signInKind !== tenant.signInKind || draft.clientId !== tenant.clientId;
      if (identityChanged) await deps.sessions.forget(tenant);
      const updated = { ...tenant, ...draft, ...(identityChanged ? { certificateThumbprint: undefined } : {}) };
      await deps.store.upsert(updated);
      if (identityChanged) {
        const choice = await vscode.window.showInformationMessage(`${updated.displayName} changed: the previous sign-in was removed.`, 'Sign In');
        if (choice === 'Sign In') await signInTenant(deps, updated, { prompter });
      }
    },
  });
}
