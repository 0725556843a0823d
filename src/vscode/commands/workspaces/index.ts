import { type WorkspaceQueryRunner } from '../../query/workspaceRunner';
import { type TenantStore } from '../../tenants/tenantStore';
import { type Workspaces } from '../../workspaces/workspaces';
import { type Command } from '../command';
import { addWorkspaceCommand } from './addWorkspace';
import { findWorkspacesCommand } from './findWorkspaces';
import { refreshWorkspacesCommand } from './refreshWorkspaces';
import { removeWorkspaceCommand } from './removeWorkspace';
import { runOnWorkspaceCommand } from './runOnWorkspace';
import { type ResultsPanels } from '../../results/resultsPanels';
import { runWorkspaceQueryCommand } from './runWorkspaceQuery';
import { tokenActivityCommand } from './tokenActivity';
import { type TokenSignInDeps, tokenSignInCommand } from './tokenSignIn';

/** Log Analytics workspaces: add (by ID or found through Resource Manager), remove, refresh, query their tables, run a Graph report's query on one, and follow a token to its Graph activity and its sign-in. */
export function workspaceCommands(deps: { readonly store: TenantStore; readonly workspaces: Workspaces; readonly runner: WorkspaceQueryRunner; readonly panels: ResultsPanels } & TokenSignInDeps): Command[] {
  return [addWorkspaceCommand(deps), findWorkspacesCommand(deps), removeWorkspaceCommand(deps), refreshWorkspacesCommand(deps.workspaces), runWorkspaceQueryCommand(deps), runOnWorkspaceCommand(deps), tokenActivityCommand(deps), tokenSignInCommand(deps)];
}
