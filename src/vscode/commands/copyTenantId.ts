import * as vscode from 'vscode';
import { resolveTenant } from '../tenants/pickTenant';
import { type Command } from './command';
import { type TenantContext } from '../tenants/tenantContext';

export function copyTenantIdCommand(deps: TenantContext): Command {
  return {
    id: 'identityLogs.copyTenantId',
    run: async (arg?: unknown) => {
      const tenant = await resolveTenant(deps.store, arg, 'copy its ID');
      if (!tenant) return;
      await vscode.env.clipboard.writeText(tenant.tenant);
      vscode.window.setStatusBarMessage(`Copied ${tenant.tenant}`, 3000);
    },
  };
}
