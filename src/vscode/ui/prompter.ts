import * as vscode from 'vscode';

/** A question that cannot be undone: what will happen, the consequences, and the one button that does it. */
export interface Confirmation {
  readonly message: string;
  readonly detail: string;
  /** The button that acts ("Remove", "Dismiss Risk"). */
  readonly action: string;
}

/**
 * How commands ask the user. The window's modal dialogs for people; the extension's own tests
 * answer through a scripted prompter instead of flags that would ship to every user.
 */
export interface Prompter {
  /** True only when the user chose the action; the first, focused button is always the safe one. */
  confirm(question: Confirmation): Promise<boolean>;
}

export class WindowPrompter implements Prompter {
  async confirm(q: Confirmation): Promise<boolean> {
    // The first button is the one Enter presses: in a dialog that cannot be undone it is the safe one.
    const keep: vscode.MessageItem = { title: 'Keep as Is' };
    const act: vscode.MessageItem = { title: q.action };
    const answer = await vscode.window.showWarningMessage(q.message, { modal: true, detail: q.detail }, keep, act);
    return answer === act;
  }
}

/**
 * Answers given in advance, in order (ExtensionMode.Test only). A question with no answer waiting
 * is declined, never shown: a test that forgot to answer fails instead of hanging on a dialog.
 */
export class ScriptedPrompter implements Prompter {
  private readonly answers: boolean[] = [];
  private readonly questions: Confirmation[] = [];

  answer(...answers: boolean[]): void {
    this.answers.push(...answers);
  }

  /** Drops answers no question took (an action refused before it asked). */
  clear(): void {
    this.answers.length = 0;
  }

  /** Every question asked so far. */
  asked(): readonly Confirmation[] {
    return [...this.questions];
  }

  async confirm(q: Confirmation): Promise<boolean> {
    this.questions.push(q);
    return this.answers.shift() ?? false;
  }
}
