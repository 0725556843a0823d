import * as vscode from 'vscode';
import { detailLines, diagnose, summarize } from '../../core/diagnose/classify';
import { type Logger } from '../../core/log/redact';

/**
 * Shows an error as what happened and what to do next, with "Show details" opening the log, which
 * holds the request id, client request id and time (never a token).
 */
export async function showError(log: Logger, channel: { show(preserveFocus?: boolean): void }, context: string, error: unknown, options: { readonly tenantKey?: string } = {}): Promise<void> {
  const d = diagnose(error);
  log.error(`${context}`);
  for (const line of detailLines(d)) log.error(line);
  // Not awaited: the command that failed is done; the notification stays until the user closes it.
  // "Not signed in" has one fix, and it is a click away.
  const signIn = d.code === 'NotSignedIn' && options.tenantKey !== undefined;
  const step = d.explanation?.walkthroughStep;
  const actions = [...(signIn ? ['Sign In'] : step ? ['Open guide'] : []), 'Show details'];
  void vscode.window.showErrorMessage(`${context}: ${summarize(d)}`, ...actions).then((choice) => {
    if (choice === 'Show details') channel.show(true);
    if (choice === 'Open guide' && step) openWalkthroughStep(step);
    if (choice === 'Sign In') void vscode.commands.executeCommand('identityLogs.signIn', options.tenantKey);
  });
}

/** DESIGN rule 5: every failure links to the walkthrough step that fixes it. */
export function openWalkthroughStep(step: string): void {
  const walkthrough = 'identity-log-explorer.identity-log-explorer#gettingStarted';
  void vscode.commands.executeCommand('workbench.action.openWalkthrough', { category: walkthrough, step: `${walkthrough}#${step}` }, false);
}
