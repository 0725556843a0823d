import * as vscode from 'vscode';
import { addTenantCommand } from './vscode/commands/addTenant';
import { registerCommands } from './vscode/commands/command';
import { showLogCommand } from './vscode/commands/showLog';
import { TenantStore } from './vscode/tenants/tenantStore';
import { registerTenantsTree } from './vscode/tree/tenantsTree';

/** Builds the object graph and registers views and commands; nothing else happens here. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Identity Log Explorer', { log: true });
  const tenants = new TenantStore(context.globalState);
  context.subscriptions.push(
    log,
    tenants,
    registerTenantsTree(tenants),
    registerCommands([addTenantCommand(), showLogCommand(log)]),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
