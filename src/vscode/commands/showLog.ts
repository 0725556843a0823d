import type * as vscode from 'vscode';
import { type Command } from './command';

export function showLogCommand(log: vscode.LogOutputChannel): Command {
  return {
    id: 'identityLogs.showLog',
    run: () => log.show(true),
  };
}
