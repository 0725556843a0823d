import * as vscode from 'vscode';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type Prompter } from '../ui/prompter';
import { type TenantStore } from './tenantStore';

/** A command's tenant: the tree node it was run on, a tenant key, or the user's pick (skipped when there is one). */
export async function resolveTenant(store: TenantStore, prompter: Prompter, arg: unknown, purpose: string): Promise<TenantConfig | undefined> {
  const key = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && 'tenant' in arg ? (arg as { tenant: TenantConfig }).tenant.key : undefined;
  if (key) return store.get(key);
  const tenants = store.list();
  if (tenants.length === 0) {
    void vscode.window.showInformationMessage('No tenants yet. Add one first.', 'Add Tenant').then((c) => c && vscode.commands.executeCommand('identityLogs.addTenant'));
    return undefined;
  }
  if (tenants.length === 1) return tenants[0];
  const pick = await prompter.pick(
    tenants.map((t) => ({ label: t.displayName, description: t.tenant, tenant: t })),
    { placeHolder: `Which tenant? (${purpose})` },
  );
  return pick?.tenant;
}
