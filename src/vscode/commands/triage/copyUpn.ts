import * as vscode from 'vscode';
import { selectedHolders } from '../../tree/triage/entityHolder';
import { defineCommand } from '../command';

/** Copies the UPNs (app ids for service principals) of the selection, one per line. */
export function copyTriageUpnCommand() {
  return defineCommand({
    id: 'identityLogs.triage.copyUpn',
    args: ([clicked, selected]: readonly unknown[]) => {
      const values = selectedHolders(clicked, selected)
        .flatMap((h) => [...h.entities()])
        .map((e) => e.secondary)
        .filter(Boolean);
      return values.length > 0 ? values : undefined;
    },
    run: async (values: string[]) => {
      await vscode.env.clipboard.writeText(values.join('\n'));
      vscode.window.setStatusBarMessage(`Copied ${values.length === 1 ? values[0] : `${values.length} UPNs`}`, 3000);
      return values;
    },
  });
}
