import * as vscode from 'vscode';
import { type FoundWorkspace } from '../../../core/arm/findWorkspaces';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type TenantStore } from '../../tenants/tenantStore';
import { type Workspaces } from '../../workspaces/workspaces';
import { defineCommand } from '../command';
import { tenantOfNode } from './args';

const ADD_BY_ID = 'Add by ID…';

/**
 * "Find Workspaces…": the Log Analytics workspaces the tenant's credential can see through Azure
 * Resource Manager (a role such as Reader on their subscription), to add without copying IDs. When
 * it sees none, it says why (no role on any subscription, or none of them holds a workspace) and
 * offers to add one by its ID, which needs no Resource Manager role at all.
 */
export function findWorkspacesCommand(deps: { readonly store: TenantStore; readonly workspaces: Workspaces }) {
  return defineCommand({
    id: 'identityLogs.findWorkspaces',
    args: tenantOfNode(deps.store),
    run: async (tenant: TenantConfig, { prompter }): Promise<string[] | undefined> => {
      const search = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Looking for Log Analytics workspaces · ${tenant.displayName}` }, () => deps.workspaces.find(tenant));
      const added = new Set(deps.workspaces.list(tenant.key).map((w) => w.id));
      const fresh = search.workspaces.filter((w) => !added.has(w.id));
      if (search.workspaces.length === 0) {
        const refused = search.refused.length > 0 ? ` It may not list the workspaces of ${search.refused.map((r) => r.subscriptionName).join(', ')}.` : '';
        const why =
          search.subscriptions === 0
            ? 'Its credential has no Azure role on any subscription: a Reader role on the workspace’s subscription or resource group lets it find workspaces.'
            : `None of the ${search.subscriptions} subscriptions it can see holds a workspace it may read.${refused}`;
        const choice = await prompter.choose({ message: `No Log Analytics workspace found for ${tenant.displayName}.`, detail: `${why} A workspace can still be added by its ID, which needs only Data.Read and a role on the workspace itself.`, actions: [ADD_BY_ID] });
        if (choice === ADD_BY_ID) {
          const id = await vscode.commands.executeCommand<string | undefined>('identityLogs.addWorkspace', tenant.key);
          return id ? [id] : undefined;
        }
        return [];
      }
      if (fresh.length === 0) {
        void vscode.window.showInformationMessage(`${tenant.displayName}: the ${search.workspaces.length === 1 ? 'workspace' : `${search.workspaces.length} workspaces`} found ${search.workspaces.length === 1 ? 'is' : 'are'} in the tree already.`);
        return [];
      }
      const picked = await prompter.pickMany(
        fresh.map((w) => ({ label: w.name, description: w.id, detail: describe(w), picked: fresh.length === 1, workspace: w })),
        { title: `Find Workspaces · ${tenant.displayName}`, placeHolder: 'Workspaces to add (where your Entra logs are sent)', matchOnDescription: true, matchOnDetail: true },
      );
      if (!picked || picked.length === 0) return undefined;
      for (const p of picked) await deps.workspaces.add(tenant.key, { id: p.workspace.id, name: p.workspace.name });
      return picked.map((p) => p.workspace.id);
    },
  });
}

function describe(w: FoundWorkspace): string {
  // Subscription › resource group, as the portal writes a resource's place; short enough for the picker.
  return [[w.subscriptionName, w.resourceGroup].filter(Boolean).join(' › '), w.location, w.retentionDays !== undefined && `keeps ${w.retentionDays} days`].filter(Boolean).join(' · ');
}
