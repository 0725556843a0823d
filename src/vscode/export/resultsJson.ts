import * as vscode from 'vscode';
import { writeFileAtomic } from '../../core/export/atomicFile';
import { formatResultsDocument, ResultsDocument } from '../../core/export/document';
import { NODE_FS } from '../../core/export/exportFs';
import { defaultSaveUri, rememberFolder } from './lastFolder';

/** "Open as JSON": an untitled JSON editor holding the document, pretty-printed. */
export async function openResultsAsJson(doc: ResultsDocument): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: formatResultsDocument(doc) });
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * "Save as JSON…": the same bytes written to a file the user picks (or `target`, for tests and
 * scripts), atomically, so a failure never leaves a half-written file under the chosen name.
 */
export async function saveResultsAsJson(state: vscode.Memento, doc: ResultsDocument, suggestedName: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: defaultSaveUri(state, `${suggestedName}.json`), filters: { JSON: ['json'] }, saveLabel: 'Save as JSON' }));
  if (!uri) return undefined;
  await writeFileAtomic(NODE_FS, uri.fsPath, formatResultsDocument(doc));
  await rememberFolder(state, uri.fsPath);
  return uri;
}
