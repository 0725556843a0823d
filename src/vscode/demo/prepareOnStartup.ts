import * as vscode from 'vscode';
import { type TenantStore } from '../tenants/tenantStore';

/**
 * `npm run demo` sets identityLogs.demo.prepareOnStartup in its own throwaway profile, and its
 * workspace holds `.identity-logs-demo` (a workspaceContains activation event, so other workspaces
 * never activate the extension at startup): the demo tenant is added once and the Identity Logs
 * container opens, so the first screen is the product.
 */
export async function prepareDemoOnStartup(store: TenantStore): Promise<void> {
  if (!vscode.workspace.getConfiguration('identityLogs.demo').get<boolean>('prepareOnStartup')) return;
  if (!store.list().some((t) => t.target === 'demo')) await vscode.commands.executeCommand('identityLogs.addDemoTenant');
  await vscode.commands.executeCommand('workbench.view.extension.identityLogs');
}
