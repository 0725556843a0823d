import { openResultsAsJson } from '../../export/resultsJson';
import { type RecordDocuments } from '../../results/recordDocuments';
import { type ResultsPanel } from '../../results/resultsPanel';
import { type ResultsPanels } from '../../results/resultsPanels';
import { defineCommand } from '../command';
import { resultsPanelArg } from './args';

/** "Open as JSON": the panel's rows with their header, in a read-only editor. */
export function openResultsAsJsonCommand(deps: { readonly records: RecordDocuments; readonly panels: ResultsPanels }) {
  return defineCommand({
    id: 'identityLogs.openResultsAsJson',
    args: resultsPanelArg(deps.panels),
    run: async (panel: ResultsPanel) => openResultsAsJson(deps.records, panel.suggestedName(), await panel.resultsDocument()),
  });
}
