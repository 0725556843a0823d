import { type WorkspaceQueryRunner } from '../../query/workspaceRunner';
import { type TenantStore } from '../../tenants/tenantStore';
import { type Workspaces } from '../../workspaces/workspaces';
import { type Command } from '../command';
import { addWorkspaceCommand } from './addWorkspace';
import { refreshWorkspacesCommand } from './refreshWorkspaces';
import { removeWorkspaceCommand } from './removeWorkspace';
import { runWorkspaceQueryCommand } from './runWorkspaceQuery';

/** Log Analytics workspaces: add, remove, refresh, and query their tables. */
export function workspaceCommands(deps: { readonly store: TenantStore; readonly workspaces: Workspaces; readonly runner: WorkspaceQueryRunner }): Command[] {
  return [addWorkspaceCommand(deps), removeWorkspaceCommand(deps), refreshWorkspacesCommand(deps.workspaces), runWorkspaceQueryCommand(deps)];
}
