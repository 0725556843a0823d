import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

const KEY = 'identityLogs.lastSaveFolder';

/** Save dialogs start where the user saved last time, then in the workspace, then at home. */
export function defaultSaveUri(state: vscode.Memento, fileName: string): vscode.Uri {
  const last = state.get<string>(KEY);
  const dir = last ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
  return vscode.Uri.file(path.join(dir, fileName));
}

export function defaultFolderUri(state: vscode.Memento): vscode.Uri | undefined {
  const last = state.get<string>(KEY);
  return last ? vscode.Uri.file(last) : vscode.workspace.workspaceFolders?.[0]?.uri;
}

export async function rememberFolder(state: vscode.Memento, fileOrFolder: string, isFolder = false): Promise<void> {
  await state.update(KEY, isFolder ? fileOrFolder : path.dirname(fileOrFolder));
}
