import * as vscode from 'vscode';
import { type DeviceCodePrompt } from '../../core/auth/credentials';

/**
 * Runs a device code sign-in under a cancellable progress notification that shows the code, and
 * offers "Copy code and open browser" so the user does not have to type it.
 */
export function withDeviceCodeUi(title: string, run: (show: (p: DeviceCodePrompt) => void, token: vscode.CancellationToken) => Promise<void>): Thenable<void> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    progress.report({ message: 'Requesting a code…' });
    await run((p) => {
      progress.report({ message: `Enter code ${p.userCode} at ${p.verificationUri}. Waiting for you to finish in the browser…` });
      void vscode.window.showInformationMessage(`To sign in, open ${p.verificationUri} and enter the code ${p.userCode}.`, 'Copy code and open browser').then(async (choice) => {
        if (choice !== 'Copy code and open browser') return;
        await vscode.env.clipboard.writeText(p.userCode);
        await vscode.env.openExternal(vscode.Uri.parse(p.verificationUri));
      });
    }, token);
  });
}
