import * as vscode from 'vscode';
import { type FilterModel } from '../../core/odata/model';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { openResultsAsJson, saveResultsAsJson } from '../export/resultsJson';
import { type RecordDocuments } from '../results/recordDocuments';
import { type ResultsPanels } from '../results/resultsPanels';
import { type ResultsPanel } from '../results/resultsPanel';
import { type Command } from './command';

function noPanel(): undefined {
  void vscode.window.showInformationMessage('Run a query first: Open as JSON and Save as JSON work on a results panel.');
  return undefined;
}

export function openResultsAsJsonCommand(deps: { readonly records: RecordDocuments; readonly panels: ResultsPanels }): Command {
  return {
    id: 'identityLogs.openResultsAsJson',
    run: async (arg?: unknown) => {
      // On a saved query in the tree: run it, and open what the first load brings.
      const node = arg as { tenant?: TenantConfig; query?: { category: string; model: FilterModel } } | undefined;
      if (node?.tenant && node.query) {
        const ran = await vscode.commands.executeCommand<ResultsPanel | undefined>('identityLogs.runSavedQuery', node);
        if (!ran) return undefined;
        await ran.loading;
        return openResultsAsJson(deps.records, ran.suggestedName(), ran.resultsDocument());
      }
      const panel = deps.panels.target(arg);
      return panel ? openResultsAsJson(deps.records, panel.suggestedName(), panel.resultsDocument()) : noPanel();
    },
  };
}

export function saveResultsAsJsonCommand(deps: { readonly state: vscode.Memento; readonly panels: ResultsPanels }): Command {
  return {
    id: 'identityLogs.saveResultsAsJson',
    /** `target` (a Uri) skips the save dialog, for scripts and tests. */
    run: async (arg?: unknown, target?: unknown) => {
      const panel = deps.panels.target(arg);
      if (!panel) return noPanel();
      const doc = panel.resultsDocument();
      const uri = await saveResultsAsJson(deps.state, doc, panel.suggestedName(), target instanceof vscode.Uri ? target : undefined);
      if (uri) vscode.window.setStatusBarMessage(`Saved ${doc.value.length.toLocaleString('en-US')} rows to ${uri.fsPath}`, 4000);
      return uri;
    },
  };
}
