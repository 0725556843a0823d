import * as vscode from 'vscode';

export const RECORD_SCHEME = 'identitylogs-record';

/** Read-only JSON documents of single records, opened from the results grid. */
export class RecordDocuments implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.path) ?? '';
  }

  async open(name: string, record: unknown): Promise<void> {
    const uri = vscode.Uri.from({ scheme: RECORD_SCHEME, path: `/${name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 120)}.json` });
    this.docs.set(uri.path, JSON.stringify(record, null, 2));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}
