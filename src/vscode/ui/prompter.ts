import * as vscode from 'vscode';

/** A question that cannot be undone: what will happen, the consequences, and the one button that does it. */
export interface Confirmation {
  readonly message: string;
  readonly detail: string;
  /** The button that acts ("Remove", "Dismiss Risk"). */
  readonly action: string;
}

/** A modal choice between named actions ("Resume It" or "Start Over"); dismissing it chooses none. */
export interface Choice {
  readonly message: string;
  readonly detail?: string;
  readonly actions: readonly string[];
}

export type Validation = string | { readonly warning: string } | undefined;

/** A value the user types: a client secret or a passphrase (password: true), an id. */
export interface InputQuestion {
  readonly title: string;
  readonly prompt: string;
  readonly password?: boolean;
  readonly value?: string;
  readonly placeHolder?: string;
  /** An error message (the value is refused) or a warning (shown, the value is accepted); it may take a moment (a parser to load). */
  readonly validate?: (value: string) => Validation | Promise<Validation>;
}

export interface PickOptions {
  readonly title?: string;
  readonly placeHolder?: string;
  /** Typing matches an item's description and detail too, not only its label. */
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
}

/** A file to read or write; `defaultUri` proposes a name and folder. */
export interface FileQuestion {
  readonly title?: string;
  readonly action: string;
  readonly filters?: Record<string, string[]>;
  readonly defaultUri?: vscode.Uri;
}

/**
 * How commands ask the user. The window's pickers and dialogs for people; the extension's own tests
 * answer through a scripted prompter instead of flags (a `secret`, a `destination`) that would ship
 * to every user.
 */
export interface Prompter {
  /** True only when the user chose the action; the first, focused button is always the safe one. */
  confirm(question: Confirmation): Promise<boolean>;
  /** The action chosen, or undefined when the dialog was dismissed. */
  choose(question: Choice): Promise<string | undefined>;
  input(question: InputQuestion): Promise<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T[] | undefined>;
  openFile(question: FileQuestion): Promise<vscode.Uri | undefined>;
  saveFile(question: FileQuestion): Promise<vscode.Uri | undefined>;
}

export class WindowPrompter implements Prompter {
  async confirm(q: Confirmation): Promise<boolean> {
    // The first button is the one Enter presses: in a dialog that cannot be undone it is the safe one.
    const keep: vscode.MessageItem = { title: 'Keep as Is' };
    const act: vscode.MessageItem = { title: q.action };
    const answer = await vscode.window.showWarningMessage(q.message, { modal: true, detail: q.detail }, keep, act);
    return answer === act;
  }

  choose(q: Choice): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showWarningMessage(q.message, { modal: true, ...(q.detail ? { detail: q.detail } : {}) }, ...q.actions));
  }

  async input(q: InputQuestion): Promise<string | undefined> {
    const validate = q.validate;
    return vscode.window.showInputBox({
      title: q.title,
      prompt: q.prompt,
      password: q.password ?? false,
      value: q.value,
      placeHolder: q.placeHolder,
      // A secret or passphrase is often copied from another window: clicking there must not lose it.
      ignoreFocusOut: true,
      validateInput: validate
        ? async (v) => {
            const problem = await validate(v);
            return typeof problem === 'object' ? { message: problem.warning, severity: vscode.InputBoxValidationSeverity.Warning } : problem;
          }
        : undefined,
    });
  }

  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined> {
    return vscode.window.showQuickPick(items, { ...options, ignoreFocusOut: true });
  }

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T[] | undefined> {
    return vscode.window.showQuickPick(items, { ...options, canPickMany: true, ignoreFocusOut: true });
  }

  async openFile(q: FileQuestion): Promise<vscode.Uri | undefined> {
    const files = await vscode.window.showOpenDialog({ title: q.title, openLabel: q.action, canSelectMany: false, filters: q.filters, defaultUri: q.defaultUri });
    return files?.[0];
  }

  saveFile(q: FileQuestion): Promise<vscode.Uri | undefined> {
    return Promise.resolve(vscode.window.showSaveDialog({ title: q.title, saveLabel: q.action, filters: q.filters, defaultUri: q.defaultUri }));
  }
}
