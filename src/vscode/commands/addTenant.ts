import * as vscode from 'vscode';
import { Command } from './command';

/**
 * Sign-in (device code, client secret, certificate) is not part of this build yet, so the command
 * says so plainly instead of pretending to add a tenant.
 */
export function addTenantCommand(): Command {
  return {
    id: 'identityLogs.addTenant',
    run: async () => {
      await vscode.window.showInformationMessage(
        'Adding a tenant is not available in this build yet: sign-in by device code, client secret or certificate is still being built.',
      );
    },
  };
}
