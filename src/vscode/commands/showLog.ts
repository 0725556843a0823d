import * as vscode from 'vscode';
import { Command } from './command';

export function showLogCommand(log: vscode.LogOutputChannel): Command {
  return {
    id: 'identityLogs.showLog',
    run: () => log.show(true),
  };
}
