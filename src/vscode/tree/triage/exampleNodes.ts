import * as vscode from 'vscode';
import { TRIAGE_EXAMPLES } from '../../../core/triage/examples';
import { type TreeNode } from '../treeNode';

/** The documented example queries, one click each (API-FACTS 1, "Examples from the seed documents"). */
export class ExamplesNode implements TreeNode {
  readonly id: string;
  constructor(tenantKey: string) {
    this.id = `triage:${tenantKey}:examples`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Example queries', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('lightbulb');
    item.contextValue = 'triage:examples';
    return item;
  }

  getChildren(): TreeNode[] {
    return TRIAGE_EXAMPLES.map((x) => {
      const node: TreeNode = {
        id: `${this.id}:${x.id}`,
        getTreeItem: () => {
          const item = new vscode.TreeItem(x.label, vscode.TreeItemCollapsibleState.None);
          item.id = `${this.id}:${x.id}`;
          item.iconPath = new vscode.ThemeIcon('play');
          item.description = x.filterText;
          item.tooltip = `${x.description}\n\nGET ${x.endpoint}?$filter=${x.filterText}`;
          item.contextValue = 'triage:example';
          item.command = { command: 'identityLogs.triage.runExample', title: 'Run Example', arguments: [x.id] };
          return item;
        },
        getChildren: () => [],
      };
      return node;
    });
  }
}
