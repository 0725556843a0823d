import type * as vscode from 'vscode';

/** Every node in the extension's trees: an id, its tree item, and its children. */
export interface TreeNode {
  readonly id: string;
  getTreeItem(): vscode.TreeItem;
  getChildren(): TreeNode[] | Promise<TreeNode[]>;
}
