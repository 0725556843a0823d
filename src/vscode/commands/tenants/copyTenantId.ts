import * as vscode from 'vscode';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type TenantContext } from '../../tenants/tenantContext';
import { defineCommand } from '../command';
import { tenantArg } from './args';

export function copyTenantIdCommand(deps: TenantContext) {
  return defineCommand({
    id: 'identityLogs.copyTenantId',
    args: tenantArg(deps.store, 'copy its ID'),
    run: async (tenant: TenantConfig) => {
      await vscode.env.clipboard.writeText(tenant.tenant);
      vscode.window.setStatusBarMessage(`Copied ${tenant.tenant}`, 3000);
    },
  });
}
