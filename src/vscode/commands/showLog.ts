import type * as vscode from 'vscode';
import { defineCommand, NO_ARGS } from './command';

export function showLogCommand(log: vscode.LogOutputChannel) {
  return defineCommand({ id: 'identityLogs.showLog', args: NO_ARGS, run: () => log.show(true) });
}
