import { type Workspaces } from '../../workspaces/workspaces';
import { defineCommand, NO_ARGS } from '../command';

/** Asks the workspaces again which tables they receive (after a diagnostic setting or a role changed). */
export function refreshWorkspacesCommand(workspaces: Workspaces) {
  return defineCommand({ id: 'identityLogs.refreshWorkspaces', args: NO_ARGS, run: () => workspaces.refresh() });
}
