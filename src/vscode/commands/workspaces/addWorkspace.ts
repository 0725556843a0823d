import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type TenantStore } from '../../tenants/tenantStore';
import { type Workspaces } from '../../workspaces/workspaces';
import { defineCommand } from '../command';
import { tenantOfNode } from './args';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Add Workspace…": a Log Analytics workspace the tenant's Entra logs are sent to, by its ID and a name. */
export function addWorkspaceCommand(deps: { readonly store: TenantStore; readonly workspaces: Workspaces }) {
  return defineCommand({
    id: 'identityLogs.addWorkspace',
    args: tenantOfNode(deps.store),
    run: async (tenant: TenantConfig, { prompter }): Promise<string | undefined> => {
      const id = await prompter.input({
        title: `Add Workspace · ${tenant.displayName} (1/2)`,
        prompt: 'Workspace ID: on the workspace’s Overview page in the Azure portal (a GUID, not its name)',
        placeHolder: '00000000-0000-0000-0000-000000000000',
        validate: (v) => (GUID.test(v.trim()) ? undefined : 'A workspace ID is a GUID, such as 4b1d8a3c-…; the resource name does not work here.'),
      });
      if (id === undefined) return undefined;
      const name = await prompter.input({ title: `Add Workspace · ${tenant.displayName} (2/2)`, prompt: 'A name to show in the tree (the workspace’s own name is a good choice)', validate: (v) => (v.trim() === '' ? 'Enter a name.' : v.length > 100 ? 'At most 100 characters.' : undefined) });
      if (name === undefined) return undefined;
      await deps.workspaces.add(tenant.key, { id: id.trim().toLowerCase(), name: name.trim() });
      return id.trim().toLowerCase();
    },
  });
}
