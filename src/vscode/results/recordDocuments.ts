import * as vscode from 'vscode';
import { type LogRecord, recordJson } from '../../core/records/untrusted';

export const RECORD_SCHEME = 'identitylogs-record';

/**
 * Read-only JSON documents (a record, or a results document), served from memory: nothing to save,
 * so closing one never asks, and nothing lands on disk unless the user saves a copy.
 */
export class RecordDocuments implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.path) ?? '';
  }

  /** One record; an unreadable one exactly as the service sent it. */
  async open(name: string, record: LogRecord): Promise<void> {
    await this.openText(name, recordJson(record, 2));
  }

  async openText(name: string, text: string, options: { readonly preview?: boolean } = {}): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: RECORD_SCHEME, path: `/${name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 120)}.json` });
    this.docs.set(uri.path, text);
    // An editor already showing this name must show the new text, not its cached copy.
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    return vscode.window.showTextDocument(doc, { preview: options.preview ?? true });
  }
}
