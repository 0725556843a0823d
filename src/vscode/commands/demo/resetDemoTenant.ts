import * as vscode from 'vscode';
import { type DemoTenant } from '../../demo/demoTenant';
import { type TenantContext } from '../../tenants/tenantContext';
import { defineCommand, NO_ARGS } from '../command';

/** "Reset Demo Tenant": its data goes back to how it started (dismissed users come back, and so on). */
export function resetDemoTenantCommand(deps: TenantContext, demo: DemoTenant) {
  return defineCommand({
    id: 'identityLogs.resetDemoTenant',
    args: NO_ARGS,
    run: async () => {
      await demo.reset();
      deps.log.info('The demo tenant was reset.');
      vscode.window.setStatusBarMessage('The demo tenant was reset to its starting data.', 3000);
    },
  });
}
