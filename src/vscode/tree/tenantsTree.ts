import * as vscode from 'vscode';
import { TenantSessions } from '../tenants/sessions';
import { TenantStore } from '../tenants/tenantStore';
import { TenantNode } from './tenantNode';
import { TreeNode } from './treeNode';

export const TENANTS_VIEW_ID = 'identityLogs.tenants';

class TenantsTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly store: TenantStore,
    private readonly sessions: TenantSessions,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    if (node) return node.getChildren();
    // An empty root lets VS Code show the view's welcome content ("Add Tenant").
    return this.store.list().map((t) => {
      const state = this.sessions.state(t.key);
      // The sign-in state is worked out when a tenant is first shown, not at activation.
      if (state.kind === 'unknown') void this.sessions.refresh(t);
      return new TenantNode(t, state);
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerTenantsTree(store: TenantStore, sessions: TenantSessions): vscode.Disposable {
  const provider = new TenantsTreeProvider(store, sessions);
  const view = vscode.window.createTreeView(TENANTS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: false });
  return vscode.Disposable.from(view, provider, store.onDidChange(() => provider.refresh()), sessions.onDidChange(() => provider.refresh()));
}
