import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/**
 * Writes JSON the way exports must (DESIGN rule 4): to a temporary file next to the target, then
 * renamed into place, so a failure never leaves a partial file under the chosen name.
 */
export async function saveJsonAs(suggestedName: string, value: unknown): Promise<vscode.Uri | undefined> {
  const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd(), `${suggestedName}.json`)), filters: { JSON: ['json'] } });
  if (!target) return undefined;
  const tmp = `${target.fsPath}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.promises.writeFile(tmp, JSON.stringify(value, null, 2), { flag: 'wx' });
    await fs.promises.rename(tmp, target.fsPath);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
  return target;
}
