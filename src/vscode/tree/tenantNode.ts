import * as vscode from 'vscode';
import { cloudById } from '../../core/clouds';
import { TenantConfig } from '../../core/tenants/tenantConfig';
import { TreeNode } from './treeNode';

const SIGN_IN_LABELS: Record<TenantConfig['signInKind'], string> = {
  deviceCode: 'delegated (device code)',
  clientSecret: 'app (client secret)',
  certificate: 'app (certificate)',
};

export class TenantNode implements TreeNode {
  readonly id: string;

  constructor(readonly tenant: TenantConfig) {
    this.id = `tenant:${tenant.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.tenant.displayName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.tenant.tenant;
    item.contextValue = 'tenant';
    item.iconPath = new vscode.ThemeIcon('organization');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${this.tenant.displayName}\n\n`);
    tooltip.appendText(`Tenant: ${this.tenant.tenant}\nCloud: ${cloudById(this.tenant.cloud).label}\n`);
    tooltip.appendText(`Sign-in: ${SIGN_IN_LABELS[this.tenant.signInKind]}`);
    item.tooltip = tooltip;
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
