import * as vscode from 'vscode';
import { resolveTenant } from '../tenants/pickTenant';
import { signInTenant } from '../tenants/signInFlow';
import { runTenantWizard } from '../tenants/tenantWizard';
import { type Command } from './command';
import { type TenantContext } from '../tenants/tenantContext';

/** Changes a tenant's settings; a change to what signs in (tenant, cloud, app, kind) needs a new sign-in. */
export function editTenantCommand(deps: TenantContext): Command {
  return {
    id: 'identityLogs.editTenant',
    run: async (arg?: unknown) => {
      const tenant = await resolveTenant(deps.store, arg, 'edit');
      if (!tenant) return;
      const draft = await runTenantWizard(`Edit ${tenant.displayName}`, tenant);
      if (!draft) return;
      const identityChanged = draft.tenant !== tenant.tenant || draft.cloud !== tenant.cloud || draft.gcc !== tenant.gcc || draft.target !== tenant.target || draft.signInKind !== tenant.signInKind || draft.clientId !== tenant.clientId;
      if (identityChanged) await deps.sessions.forget(tenant);
      const updated = { ...tenant, ...draft, ...(identityChanged ? { certificateThumbprint: undefined } : {}) };
      await deps.store.upsert(updated);
      if (identityChanged) {
        const choice = await vscode.window.showInformationMessage(`${updated.displayName} changed: the previous sign-in was removed.`, 'Sign In');
        if (choice === 'Sign In') await signInTenant(deps, updated);
      }
    },
  };
}
