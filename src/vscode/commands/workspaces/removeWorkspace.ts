import { type TenantStore } from '../../tenants/tenantStore';
import { type Workspaces } from '../../workspaces/workspaces';
import { defineCommand } from '../command';
import { workspaceArg, type WorkspaceTarget } from './args';

/** "Remove Workspace": takes it out of the tree; nothing changes in Azure. */
export function removeWorkspaceCommand(deps: { readonly store: TenantStore; readonly workspaces: Workspaces }) {
  return defineCommand({
    id: 'identityLogs.removeWorkspace',
    args: workspaceArg(deps.store, deps.workspaces),
    run: async ({ tenant, workspace }: WorkspaceTarget, { prompter }) => {
      const remove = await prompter.confirm({ message: `Remove ${workspace.name} from ${tenant.displayName}?`, detail: 'It leaves the tree; the workspace and its data are not touched.', action: 'Remove' });
      if (remove) await deps.workspaces.remove(tenant.key, workspace.id);
      return remove;
    },
  });
}
