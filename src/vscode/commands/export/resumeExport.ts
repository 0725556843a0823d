import * as vscode from 'vscode';
import { type ExportJob, type ExportJobs } from '../../export/exportJobs';
import { defineCommand } from '../command';

/** "Resume Export…": an unfinished export continues from its last checkpoint; a checkpoint path skips the list. */
export function resumeExportCommand(jobs: ExportJobs) {
  return defineCommand({
    id: 'identityLogs.resumeExport',
    args: ([arg]: readonly unknown[]) => (typeof arg === 'string' ? arg : null),
    run: async (checkpoint: string | null): Promise<ExportJob | undefined> => {
      if (checkpoint !== null) return jobs.resume(checkpoint);
      const list = jobs.pendingList();
      if (list.length === 0) {
        void vscode.window.showInformationMessage('No unfinished exports.');
        return undefined;
      }
      const discard = { iconPath: new vscode.ThemeIcon('trash'), tooltip: 'Discard this export (deletes its checkpoint and partial file)' };
      return new Promise<ExportJob | undefined>((resolve) => {
        const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { checkpointPath: string }>();
        const refresh = () => {
          qp.items = jobs.pendingList().map((p) => ({ label: p.label, description: p.running ? 'running' : `started ${p.startedAt.slice(0, 16).replace('T', ' ')} UTC`, detail: p.checkpointPath, checkpointPath: p.checkpointPath, buttons: [discard] }));
        };
        refresh();
        qp.title = 'Resume Export';
        qp.placeholder = 'Which export? It continues from its last checkpoint.';
        qp.onDidTriggerItemButton(async (e) => {
          await jobs.discard(e.item.checkpointPath);
          refresh();
          if (qp.items.length === 0) qp.hide();
        });
        qp.onDidAccept(() => {
          const item = qp.selectedItems[0];
          qp.hide();
          resolve(item ? jobs.resume(item.checkpointPath) : undefined);
        });
        qp.onDidHide(() => {
          qp.dispose();
          resolve(undefined);
        });
        qp.show();
      });
    },
  });
}
