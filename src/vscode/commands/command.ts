import * as vscode from 'vscode';
import { type CommandErrors } from '../ui/errorReporter';
import { type Prompter } from '../ui/prompter';

/** What every command gets besides its own services: the one way it asks the user anything. */
export interface CommandContext {
  readonly prompter: Prompter;
}

/** A registered command: its id (declared in package.json) and what it does with what VS Code passed. */
export interface Command {
  readonly id: string;
  run(raw: readonly unknown[], context: CommandContext): Promise<unknown>;
}

/**
 * One command. `args` turns whatever it was run on (a tree node, a panel, a row's menu context, an
 * API object, or nothing, in which case it asks) into one typed value, or undefined when there is
 * nothing to do (the user dismissed a question, the node was not one it acts on). `run` then works
 * with that value only.
 */
export interface CommandDefinition<A> {
  readonly id: string;
  readonly args: (raw: readonly unknown[], context: CommandContext) => A | undefined | Promise<A | undefined>;
  readonly run: (arg: A, context: CommandContext) => unknown;
}

export function defineCommand<A>(definition: CommandDefinition<A>): Command {
  return {
    id: definition.id,
    run: async (raw, context) => {
      const arg = await definition.args(raw, context);
      return arg === undefined ? undefined : definition.run(arg, context);
    },
  };
}

/** For a command that takes nothing: whatever it was run on, it runs. */
export const NO_ARGS = (): true => true;

/**
 * Registers every command behind one error boundary: whatever a command throws reaches the user
 * through the error catalog (DESIGN rule 5) as "<command title> failed: <cause and next step>",
 * instead of VS Code's raw "Running the contributed command failed". No command can forget it.
 */
export function registerCommands(commands: readonly Command[], context: CommandContext, errors: CommandErrors, titles: ReadonlyMap<string, string>): vscode.Disposable {
  return vscode.Disposable.from(...commands.map((c) => vscode.commands.registerCommand(c.id, (...args: unknown[]) => runGuarded(c, args, context, errors, titles.get(c.id) ?? c.id))));
}

async function runGuarded(command: Command, args: readonly unknown[], context: CommandContext, errors: CommandErrors, title: string): Promise<unknown> {
  try {
    return await command.run(args, context);
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
