import * as vscode from 'vscode';
import { type GraphCategory } from '../../core/catalog/types';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type SavedQuery } from '../query/queryStore';
import { type TreeNode } from './treeNode';

const ICONS: Record<GraphCategory['group'], string> = { 'Sign-ins': 'sign-in', Audit: 'checklist', 'Identity Protection': 'shield', 'Office 365': 'mail' };

/** A report category under a tenant: click runs a query. */
export class CategoryNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly tenant: TenantConfig,
    readonly category: GraphCategory,
    private readonly hasLast: boolean,
  ) {
    this.id = `category:${tenant.key}:${category.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.category.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(ICONS[this.category.group]);
    item.contextValue = this.hasLast ? 'category.withLast' : 'category';
    item.tooltip = `${this.category.label}: ${this.category.apiVersion}${this.category.path}${this.category.fixedFilter ? ` with ${this.category.fixedFilter}` : ''}`;
    item.command = { command: 'identityLogs.runQuery', title: 'Run Query…', arguments: [this] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}

export class GroupNode implements TreeNode {
  readonly id: string;
  constructor(
    tenantKey: string,
    private readonly label: string,
    private readonly icon: string,
    private readonly children: TreeNode[],
  ) {
    this.id = `group:${tenantKey}:${label}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'group';
    return item;
  }

  getChildren(): TreeNode[] {
    return this.children;
  }
}

export class SavedQueryNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly tenant: TenantConfig,
    readonly query: SavedQuery,
    private readonly categoryLabel: string,
  ) {
    this.id = `saved:${tenant.key}:${query.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.query.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.categoryLabel;
    item.iconPath = new vscode.ThemeIcon('bookmark');
    item.contextValue = 'savedQuery';
    item.command = { command: 'identityLogs.runSavedQuery', title: 'Run', arguments: [this] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
