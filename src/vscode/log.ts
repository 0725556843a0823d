import * as vscode from 'vscode';
import { RedactingLogger } from '../core/log/redact';

/** The "Identity Log Explorer" log channel, and the redacting logger everything else writes to. */
export function createLog(): { channel: vscode.LogOutputChannel; logger: RedactingLogger } {
  const channel = vscode.window.createOutputChannel('Identity Log Explorer', { log: true });
  return { channel, logger: new RedactingLogger(channel) };
}
