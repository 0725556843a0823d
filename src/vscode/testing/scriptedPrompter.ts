/**
 * The prompter the extension's own tests use (ExtensionMode.Test only; its bundle is not packaged).
 */
import * as vscode from 'vscode';
import type { Choice, Confirmation, FileQuestion, InputQuestion, PickOptions, Prompter } from '../ui/prompter';

/**
 * One answer a test gives in advance: true/false for a confirmation, an action's name for a choice,
 * the typed text for an input, an item's label (labels for a multiple pick), a file's path. `null`
 * dismisses the question (Escape).
 */
export type ScriptedAnswer = boolean | string | readonly string[] | null;

/** What a scripted prompter was asked: the kind of question and its words. */
export interface AskedQuestion {
  readonly kind: 'confirm' | 'choose' | 'input' | 'pick' | 'pickMany' | 'openFile' | 'saveFile';
  readonly message: string;
}

/**
 * Answers given in advance, in order (ExtensionMode.Test only). A question with no answer waiting
 * is dismissed, never shown: a test that forgot to answer fails instead of hanging on a dialog.
 * An answer that does not fit its question (a label no item has, a word for a yes/no) is an error,
 * so a test cannot pass by answering a question other than the one it meant.
 */
export class ScriptedPrompter implements Prompter {
  private readonly answers: ScriptedAnswer[] = [];
  private readonly questions: AskedQuestion[] = [];

  answer(...answers: ScriptedAnswer[]): void {
    this.answers.push(...answers);
  }

  /** Drops answers no question took (an action refused before it asked). */
  clear(): void {
    this.answers.length = 0;
  }

  /** Every question asked so far. */
  asked(): readonly AskedQuestion[] {
    return [...this.questions];
  }

  private next(kind: AskedQuestion['kind'], message: string): ScriptedAnswer | undefined {
    this.questions.push({ kind, message });
    return this.answers.length > 0 ? this.answers.shift() : null;
  }

  private misfit(answer: unknown, message: string): Error {
    return new Error(`The scripted answer ${JSON.stringify(answer)} does not fit the question "${message}".`);
  }

  async confirm(q: Confirmation): Promise<boolean> {
    const a = this.next('confirm', q.message);
    if (a === null) return false;
    if (typeof a !== 'boolean') throw this.misfit(a, q.message);
    return a;
  }

  async choose(q: Choice): Promise<string | undefined> {
    // The detail is what the dialog says under its title: tests read it too.
    const a = this.next('choose', q.detail ? `${q.message}\n${q.detail}` : q.message);
    if (a === null) return undefined;
    if (typeof a !== 'string' || !q.actions.includes(a)) throw this.misfit(a, q.message);
    return a;
  }

  async input(q: InputQuestion): Promise<string | undefined> {
    // The log of questions keeps the prompt, never the typed value (it may be a secret).
    const a = this.next('input', q.prompt);
    if (a === null) return undefined;
    if (typeof a !== 'string') throw this.misfit(a, q.prompt);
    const problem = await q.validate?.(a);
    // The input box would not accept it: the user would have to change it or press Escape.
    if (typeof problem === 'string') throw new Error(`The input box refuses the scripted answer: ${problem}`);
    return a;
  }

  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined> {
    const message = options.title ?? options.placeHolder ?? '';
    const a = this.next('pick', message);
    if (a === null) return undefined;
    const item = items.find((i) => i.label === a && i.kind !== vscode.QuickPickItemKind.Separator);
    if (!item) throw this.misfit(a, `${message}" (items: ${items.map((i) => i.label).join(', ')})`);
    return item;
  }

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T[] | undefined> {
    const message = options.title ?? options.placeHolder ?? '';
    const a = this.next('pickMany', message);
    if (a === null) return undefined;
    if (!Array.isArray(a)) throw this.misfit(a, message);
    const labels: readonly string[] = a;
    const chosen = items.filter((i) => labels.includes(i.label) && i.kind !== vscode.QuickPickItemKind.Separator);
    if (chosen.length !== labels.length) throw this.misfit(a, message);
    return chosen;
  }

  async openFile(q: FileQuestion): Promise<vscode.Uri | undefined> {
    return this.file('openFile', q);
  }

  async saveFile(q: FileQuestion): Promise<vscode.Uri | undefined> {
    return this.file('saveFile', q);
  }

  private file(kind: 'openFile' | 'saveFile', q: FileQuestion): vscode.Uri | undefined {
    const message = q.title ?? q.action;
    const a = this.next(kind, message);
    if (a === null) return undefined;
    if (typeof a !== 'string') throw this.misfit(a, message);
    return vscode.Uri.file(a);
  }
}
