import * as vscode from 'vscode';

/**
 * Multi-step input with a Back button on every step after the first, after the pattern of
 * vscode-extension-samples' quickinput sample. Each step is a function that asks one question and
 * returns the next step; Back re-runs the previous step with the answers kept.
 */
export type Step = (input: MultiStepInput) => Promise<Step | void>;

class BackRequested extends Error {}
export class InputCancelled extends Error {}

export interface InputBoxOptions {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly prompt: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly password?: boolean;
  /** Returns an error message, or undefined when the value is fine. */
  readonly validate?: (value: string) => string | undefined;
  /** Shown under the input when the value is fine but worth a warning. */
  readonly warn?: (value: string) => string | undefined;
}

export interface QuickPickOptions<T extends vscode.QuickPickItem> {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly placeholder: string;
  readonly items: readonly T[];
  readonly active?: T;
}

export class MultiStepInput {
  private readonly history: Step[] = [];
  private current: vscode.QuickInput | undefined;

  static async run(start: Step): Promise<void> {
    await new MultiStepInput().stepThrough(start);
  }

  private async stepThrough(start: Step): Promise<void> {
    let step: Step | void = start;
    while (step) {
      this.history.push(step);
      this.disposeCurrent();
      try {
        step = await step(this);
      } catch (e) {
        if (e instanceof BackRequested) {
          this.history.pop();
          step = this.history.pop();
        } else {
          this.disposeCurrent();
          throw e;
        }
      }
    }
    this.disposeCurrent();
  }

  private disposeCurrent(): void {
    this.current?.dispose();
    this.current = undefined;
  }

  showInputBox(o: InputBoxOptions): Promise<string> {
    const box = vscode.window.createInputBox();
    this.current = box;
    box.title = o.title;
    box.step = o.step;
    box.totalSteps = o.totalSteps;
    box.prompt = o.prompt;
    box.value = o.value ?? '';
    box.placeholder = o.placeholder;
    box.password = o.password ?? false;
    box.ignoreFocusOut = true;
    box.buttons = this.history.length > 1 ? [vscode.QuickInputButtons.Back] : [];
    const check = (value: string) => {
      const error = o.validate?.(value);
      if (error) box.validationMessage = error;
      else {
        const warning = o.warn?.(value);
        box.validationMessage = warning ? { message: warning, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
      }
      return error;
    };
    // The listeners go when the box is disposed, which the next step (or the end) does.
    return new Promise<string>((resolve, reject) => {
      box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && reject(new BackRequested()));
      box.onDidChangeValue((v) => check(v));
      box.onDidAccept(() => {
        if (check(box.value) === undefined) resolve(box.value.trim());
      });
      box.onDidHide(() => reject(new InputCancelled()));
      box.show();
    });
  }

  showQuickPick<T extends vscode.QuickPickItem>(o: QuickPickOptions<T>): Promise<T> {
    const pick = vscode.window.createQuickPick<T>();
    this.current = pick;
    pick.title = o.title;
    pick.step = o.step;
    pick.totalSteps = o.totalSteps;
    pick.placeholder = o.placeholder;
    pick.items = o.items;
    pick.ignoreFocusOut = true;
    pick.matchOnDescription = true;
    if (o.active) pick.activeItems = [o.active];
    pick.buttons = this.history.length > 1 ? [vscode.QuickInputButtons.Back] : [];
    return new Promise<T>((resolve, reject) => {
      pick.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && reject(new BackRequested()));
      pick.onDidAccept(() => {
        const [item] = pick.selectedItems;
        if (item) resolve(item);
      });
      pick.onDidHide(() => reject(new InputCancelled()));
      pick.show();
    });
  }
}
