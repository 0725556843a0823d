import * as vscode from 'vscode';
import { workspaceCategory, workspaceTableOf } from '../../../core/logAnalytics/category';
import { type FilterModel, type TimeRange } from '../../../core/odata/model';
import { describeTime } from '../../query/filterPrompt';
import { type WorkspaceQueryRunner } from '../../query/workspaceRunner';
import { type ResultsPanel } from '../../results/resultsPanel';
import { type ResultsPanels } from '../../results/resultsPanels';
import { type Workspaces } from '../../workspaces/workspaces';
import { defineCommand } from '../command';

const DAY_H = 24;

/**
 * "Run on Workspace…" on a Graph report's results: the same conditions, on a workspace of the
 * tenant, over a range Graph no longer keeps. A raw $filter is Graph's language and is left out.
 */
export function runOnWorkspaceCommand(deps: { readonly panels: ResultsPanels; readonly workspaces: Workspaces; readonly runner: WorkspaceQueryRunner }) {
  return defineCommand({
    id: 'identityLogs.runOnWorkspace',
    args: ([arg]: readonly unknown[]): ResultsPanel | undefined => {
      const panel = deps.panels.target(arg);
      if (panel && workspaceTableOf(panel.query.category)) return panel;
      void vscode.window.showInformationMessage('Run on Workspace… takes the query of a sign-in report from Graph: open one first.');
      return undefined;
    },
    run: async (panel: ResultsPanel, { prompter }) => {
      const { tenant, category, model } = panel.query;
      const table = workspaceTableOf(category);
      if (!table) return undefined;
      const saved = deps.workspaces.list(tenant.key);
      if (saved.length === 0) {
        const add = await prompter.choose({ message: `${tenant.displayName} has no Log Analytics workspace in the tree yet.`, detail: 'Add the workspace its diagnostic settings send sign-ins to (its ID is on the workspace’s Overview page).', actions: ['Add Workspace…'] });
        if (add) await vscode.commands.executeCommand('identityLogs.addWorkspace', tenant.key);
      }
      const list = deps.workspaces.list(tenant.key);
      const workspace = list.length === 1 ? list[0] : (await prompter.pick(list.map((w) => ({ label: w.name, description: w.id, w })), { title: 'Run on Workspace', placeHolder: `Which workspace of ${tenant.displayName}?` }))?.w;
      if (!workspace) return undefined;
      const times: { label: string; time: TimeRange }[] = [
        ...(model.time.kind !== 'all' ? [{ label: `Same as the query: ${describeTime(model.time)}`, time: model.time }] : []),
        ...[30, 60, 90].map((days) => ({ label: `Last ${days} days`, time: { kind: 'last' as const, hours: days * DAY_H } })),
        { label: 'All the workspace keeps', time: { kind: 'all' as const } },
      ];
      const time = (await prompter.pick(times, { title: 'Run on Workspace: time range', placeHolder: 'A workspace keeps months where Graph keeps 30 days at most' }))?.time;
      if (!time) return undefined;
      if (model.raw) void vscode.window.showWarningMessage('The raw $filter is Graph’s language and was left out; add the condition as raw KQL on the workspace table.');
      const onWorkspace: FilterModel = { time, clauses: model.clauses, client: model.client };
      const target = workspaceCategory(workspace, table);
      return target ? deps.runner.start(tenant, target, onWorkspace) : undefined;
    },
  });
}
