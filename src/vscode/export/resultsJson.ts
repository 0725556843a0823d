import type * as vscode from 'vscode';
import { writeFileAtomic } from '../../core/export/atomicFile';
import { formatResultsDocument, type ResultsDocument } from '../../core/export/document';
import { NODE_FS } from '../../core/export/exportFs';
import { defaultSaveUri, rememberFolder } from './lastFolder';
import { type RecordDocuments } from '../results/recordDocuments';
import { type Prompter } from '../ui/prompter';

/**
 * "Open as JSON": the document, pretty-printed, in a read-only editor (a snapshot of the panel, not
 * a file: closing it asks nothing; Save as JSON… writes one).
 */
export function openResultsAsJson(docs: RecordDocuments, name: string, doc: ResultsDocument): Promise<vscode.TextEditor> {
  return docs.openText(name, formatResultsDocument(doc), { preview: false });
}

/**
 * "Save as JSON…": the same bytes written to a file the user picks, atomically, so a failure never
 * leaves a half-written file under the chosen name.
 */
export async function saveResultsAsJson(state: vscode.Memento, prompter: Prompter, doc: ResultsDocument, suggestedName: string): Promise<vscode.Uri | undefined> {
  const uri = await prompter.saveFile({ defaultUri: defaultSaveUri(state, `${suggestedName}.json`), filters: { JSON: ['json'] }, action: 'Save as JSON' });
  if (!uri) return undefined;
  await writeFileAtomic(NODE_FS, uri.fsPath, formatResultsDocument(doc));
  await rememberFolder(state, uri.fsPath);
  return uri;
}
