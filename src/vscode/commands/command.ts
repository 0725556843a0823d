import * as vscode from 'vscode';
import { type CommandErrors } from '../ui/errorReporter';

/** One command per file: its id (declared in package.json) and what it does. */
export interface Command {
  readonly id: string;
  run(...args: unknown[]): unknown;
}

/**
 * Registers every command behind one error boundary: whatever a command throws reaches the user
 * through the error catalog (DESIGN rule 5) as "<command title> failed: <cause and next step>",
 * instead of VS Code's raw "Running the contributed command failed". No command can forget it.
 */
export function registerCommands(commands: readonly Command[], errors: CommandErrors, titles: ReadonlyMap<string, string>): vscode.Disposable {
  return vscode.Disposable.from(...commands.map((c) => vscode.commands.registerCommand(c.id, (...args: unknown[]) => runGuarded(c, args, errors, titles.get(c.id) ?? c.id))));
}

async function runGuarded(command: Command, args: unknown[], errors: CommandErrors, title: string): Promise<unknown> {
  try {
    return await command.run(...args);
  } catch (e) {
    await errors.report(`${title} failed`, e);
    return undefined;
  }
}

/** Command titles as the palette shows them ("Identity Logs: Export…"), from package.json. */
export function commandTitles(packageJson: unknown): ReadonlyMap<string, string> {
  const manifest = packageJson as { contributes?: { commands?: { command?: unknown; title?: unknown; category?: unknown }[] } };
  const titles = new Map<string, string>();
  for (const c of manifest.contributes?.commands ?? []) {
    if (typeof c.command !== 'string' || typeof c.title !== 'string') continue;
    titles.set(c.command, typeof c.category === 'string' ? `${c.category}: ${c.title}` : c.title);
  }
  return titles;
}
