import type * as vscode from 'vscode';
import { type QueryRunner } from '../../query/queryRunner';
import { type RecordDocuments } from '../../results/recordDocuments';
import { type ResultsPanels } from '../../results/resultsPanels';
import { type Command } from '../command';
import { openResultsAsJsonCommand } from './openResultsAsJson';
import { resultsRowCommands } from './rowCommands';
import { saveResultsAsJsonCommand } from './saveResultsAsJson';

/** What a results panel offers: its row menu and its rows as a JSON document. */
export function resultsCommands(deps: { readonly panels: ResultsPanels; readonly runner: QueryRunner; readonly records: RecordDocuments; readonly state: vscode.Memento }): Command[] {
  return [...resultsRowCommands(deps), openResultsAsJsonCommand(deps), saveResultsAsJsonCommand(deps)];
}
