import * as vscode from 'vscode';
import { type TreeNode } from './treeNode';

/** A line of text in a tree: an empty list, an error with what to do, a hint. */
export class MessageNode implements TreeNode {
  constructor(
    readonly id: string,
    private readonly text: string,
    private readonly icon: string,
    private readonly command?: vscode.Command,
    private readonly tooltip?: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'message';
    item.tooltip = this.tooltip ?? this.text;
    if (this.command) item.command = this.command;
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
