import * as vscode from 'vscode';
import { type FilterModel } from '../../../core/odata/model';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type ResultsPanel } from '../../results/resultsPanel';
import { type ResultsPanels } from '../../results/resultsPanels';

/**
 * The results panel a JSON command works on: the one it was run from (its title button passes it),
 * else the active one. A saved query's node runs the query and uses the panel it opens.
 */
export function resultsPanelArg(panels: ResultsPanels) {
  return async ([arg]: readonly unknown[]): Promise<ResultsPanel | undefined> => {
    const node = arg as { tenant?: TenantConfig; query?: { category: string; model: FilterModel } } | undefined;
    if (node?.tenant && node.query) {
      const ran = await vscode.commands.executeCommand<ResultsPanel | undefined>('identityLogs.runSavedQuery', node);
      if (ran) await ran.loading;
      return ran;
    }
    const panel = panels.target(arg);
    if (!panel) void vscode.window.showInformationMessage('Run a query first: Open as JSON and Save as JSON work on a results panel.');
    return panel;
  };
}
