import * as vscode from 'vscode';
import { TenantStore } from '../tenants/tenantStore';
import { TenantNode } from './tenantNode';
import { TreeNode } from './treeNode';

export const TENANTS_VIEW_ID = 'identityLogs.tenants';

class TenantsTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: TenantStore) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    // An empty root lets VS Code show the view's welcome content ("Add Tenant").
    if (!node) return this.store.list().map((t) => new TenantNode(t));
    return node.getChildren();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerTenantsTree(store: TenantStore): vscode.Disposable {
  const provider = new TenantsTreeProvider(store);
  const view = vscode.window.createTreeView(TENANTS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  return vscode.Disposable.from(view, provider, store.onDidChange(() => provider.refresh()));
}
