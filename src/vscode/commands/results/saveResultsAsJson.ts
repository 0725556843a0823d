import * as vscode from 'vscode';
import { saveResultsAsJson } from '../../export/resultsJson';
import { type ResultsPanel } from '../../results/resultsPanel';
import { type ResultsPanels } from '../../results/resultsPanels';
import { defineCommand } from '../command';
import { resultsPanelArg } from './args';

/** "Save as JSON…": the same document as Open as JSON, written atomically where the user says. */
export function saveResultsAsJsonCommand(deps: { readonly state: vscode.Memento; readonly panels: ResultsPanels }) {
  return defineCommand({
    id: 'identityLogs.saveResultsAsJson',
    args: resultsPanelArg(deps.panels),
    run: async (panel: ResultsPanel, { prompter }) => {
      const doc = await panel.resultsDocument();
      const uri = await saveResultsAsJson(deps.state, prompter, doc, panel.suggestedName());
      if (uri) vscode.window.setStatusBarMessage(`Saved ${doc.value.length.toLocaleString('en-US')} rows to ${uri.fsPath}`, 4000);
      return uri;
    },
  });
}
