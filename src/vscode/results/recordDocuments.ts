import * as vscode from 'vscode';
import { LogRecord, recordJson } from '../../core/records/untrusted';

export const RECORD_SCHEME = 'identitylogs-record';

/** Read-only JSON documents of single records, opened from the results grid. */
export class RecordDocuments implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.path) ?? '';
  }

  /** One record; an unreadable one exactly as the service sent it. */
  open(name: string, record: LogRecord): Promise<void> {
    return this.openText(name, recordJson(record, 2));
  }

  async openText(name: string, text: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: RECORD_SCHEME, path: `/${name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 120)}.json` });
    this.docs.set(uri.path, text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}
