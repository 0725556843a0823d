import * as vscode from 'vscode';

/** One command per file: its id (declared in package.json) and what it does. */
export interface Command {
  readonly id: string;
  run(...args: unknown[]): unknown;
}

export function registerCommands(commands: readonly Command[]): vscode.Disposable {
  return vscode.Disposable.from(...commands.map((c) => vscode.commands.registerCommand(c.id, (...args: unknown[]) => c.run(...args))));
}
