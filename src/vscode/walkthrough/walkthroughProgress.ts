/**
 * Walkthrough steps tick on what they ask for actually happening, never on being opened: context
 * keys the walkthrough's completion events watch (package.json, `onContext:`).
 *
 * - tryDemo: a demo tenant is configured (also after a reload, while the demo is in use).
 * - registerApp, chooseCredential: a tenant of a real cloud is signed in (an app exists, and its
 *   credential works).
 * - addPermissions, grantConsent: Diagnose Permissions found every permission granted (consent is
 *   what puts them in the token).
 * - rolesAndLicense: a query on a real tenant returned records (roles and licences are only proven
 *   by the service answering).
 * - addTenant: a real tenant was added and diagnosed.
 */
import * as vscode from 'vscode';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type TenantSessions } from '../tenants/sessions';

export const WALKTHROUGH_CONTEXT = {
  demoInUse: 'identityLogs.walkthrough.demoInUse',
  realTenantSignedIn: 'identityLogs.walkthrough.realTenantSignedIn',
  permissionsGranted: 'identityLogs.walkthrough.permissionsGranted',
  realQueryAnswered: 'identityLogs.walkthrough.realQueryAnswered',
  realTenantDiagnosed: 'identityLogs.walkthrough.realTenantDiagnosed',
} as const;

type Key = (typeof WALKTHROUGH_CONTEXT)[keyof typeof WALKTHROUGH_CONTEXT];

const setContext = (key: Key, value: boolean) => vscode.commands.executeCommand('setContext', key, value);

/** Keeps the tenant-derived keys in step with the tenant list and sign-in states. */
export function trackWalkthroughProgress(tenants: () => readonly TenantConfig[], sessions: Pick<TenantSessions, 'state' | 'onDidChange'>, onTenantsChanged: vscode.Event<unknown>): vscode.Disposable {
  const update = () => {
    const all = tenants();
    void setContext(WALKTHROUGH_CONTEXT.demoInUse, all.some((t) => t.target === 'demo'));
    void setContext(WALKTHROUGH_CONTEXT.realTenantSignedIn, all.some((t) => t.target === 'cloud' && sessions.state(t.key).kind === 'signedIn'));
  };
  update();
  return vscode.Disposable.from(onTenantsChanged(update), sessions.onDidChange(update));
}

/** Diagnose Permissions on a real tenant: it was diagnosed, and perhaps everything is granted. */
export function markDiagnosed(tenant: TenantConfig, allGranted: boolean): void {
  if (tenant.target !== 'cloud') return;
  void setContext(WALKTHROUGH_CONTEXT.realTenantDiagnosed, true);
  if (allGranted) void setContext(WALKTHROUGH_CONTEXT.permissionsGranted, true);
}

/** A query on a real tenant brought records back. */
export function markQueryAnswered(tenant: TenantConfig): void {
  if (tenant.target === 'cloud') void setContext(WALKTHROUGH_CONTEXT.realQueryAnswered, true);
}
