import * as vscode from 'vscode';
import { DEMO_APP_ID, DEMO_TENANT_ID, DEMO_WORKSPACE, type DemoTenant } from '../../demo/demoTenant';
import { signInTenant } from '../../tenants/signInFlow';
import { type TenantContext } from '../../tenants/tenantContext';
import { type Prompter } from '../../ui/prompter';
import { type Workspaces } from '../../workspaces/workspaces';
import { defineCommand, NO_ARGS } from '../command';

/** "Add Demo Tenant": a tenant backed by the built-in fake tenant, signed in, ready to query. */
export function addDemoTenantCommand(deps: TenantContext, demo: DemoTenant, workspaces: Workspaces) {
  // A second click while the first is still starting and signing in joins it, rather than adding
  // and signing in the demo tenant twice.
  let adding: Promise<string | undefined> | undefined;
  return defineCommand({
    id: 'identityLogs.addDemoTenant',
    args: NO_ARGS,
    run: (_: true, { prompter }): Promise<string | undefined> => {
      adding ??= addDemo(deps, demo, workspaces, prompter).finally(() => (adding = undefined));
      return adding;
    },
  });
}

async function addDemo(deps: TenantContext, demo: DemoTenant, workspaces: Workspaces, prompter: Prompter): Promise<string | undefined> {
  const existing = deps.store.list().find((t) => t.target === 'demo');
  if (existing) {
    void vscode.window.showInformationMessage('The demo tenant is already in the list.');
    return existing.key;
  }
  const endpoint = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Starting the demo tenant…' }, () => demo.ensureStarted());
  const tenant = { key: 'demo', displayName: 'Contoso', tenant: DEMO_TENANT_ID, cloud: 'global' as const, gcc: false, target: 'demo' as const, signInKind: 'clientSecret' as const, clientId: DEMO_APP_ID };
  await deps.store.upsert(tenant);
  deps.log.info(`Added the demo tenant (fake tenant on ${endpoint.origin}).`);
  // The demo app's secret is the fake tenant's own, made on this machine: nothing to ask.
  await signInTenant(deps, tenant, { prompter, secret: endpoint.secret });
  // The demo has a workspace too, with 90 days of sign-ins where Graph keeps 30.
  if (!workspaces.list(tenant.key).some((w) => w.id === DEMO_WORKSPACE.id)) await workspaces.add(tenant.key, DEMO_WORKSPACE);
  await vscode.commands.executeCommand('workbench.view.extension.identityLogs');
  return tenant.key;
}
