import * as vscode from 'vscode';
import { CATEGORIES, categoryById } from '../../core/catalog/categories';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type QueryStore } from '../query/queryStore';
import { type TenantSessions } from '../tenants/sessions';
import { CategoryNode, GroupNode, SavedQueryNode } from './categoryNode';
import { type TenantStore } from '../tenants/tenantStore';
import { MessageNode } from './messageNode';
import { TenantNode } from './tenantNode';
import { type TreeNode } from './treeNode';
import { Office365Node } from './o365Nodes';
import { type O365Subscriptions } from '../o365/o365Subscriptions';
import { type Workspaces } from '../workspaces/workspaces';
import { WorkspacesNode } from './workspaceNodes';

export const TENANTS_VIEW_ID = 'identityLogs.tenants';

class TenantsTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly store: TenantStore,
    private readonly sessions: TenantSessions,
    private readonly queries: QueryStore,
    private readonly o365: O365Subscriptions,
    private readonly workspaces: Workspaces,
  ) {}

  /** Under each tenant: its report categories, sign-ins grouped, Office 365, its workspaces, then its saved queries. */
  private categoriesOf(t: TenantConfig): TreeNode[] {
    const node = (c: (typeof CATEGORIES)[number]) => new CategoryNode(t, c, this.queries.last(t.key, c.id) !== undefined);
    const signIns = CATEGORIES.filter((c) => c.group === 'Sign-ins').map(node);
    const others = CATEGORIES.filter((c) => c.group !== 'Sign-ins').map(node);
    const saved = this.queries.saved(t.key).map((q) => new SavedQueryNode(t, q, categoryById(q.category)?.label ?? q.category));
    // The demo's first line leads to what there is to find in it.
    const story = t.target === 'demo' ? [new MessageNode(`${t.key}:story`, 'Follow the seeded attack story…', 'target', { command: 'identityLogs.demo.showStory', title: 'Follow the Attack Story' }, 'A password spray, MFA fatigue, a device-code phish and a risky admin are in the demo data: pick one to open where it shows.')] : [];
    return [...story, new GroupNode(t.key, 'Sign-ins', 'sign-in', signIns), ...others, new Office365Node(t, this.o365), new WorkspacesNode(t, this.workspaces), ...(saved.length ? [new GroupNode(t.key, 'Saved queries', 'bookmark', saved)] : [])];
  }

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
      return new TenantNode(t, state, () => this.categoriesOf(t));
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerTenantsTree(store: TenantStore, sessions: TenantSessions, queries: QueryStore, o365: O365Subscriptions, workspaces: Workspaces): vscode.Disposable {
  const provider = new TenantsTreeProvider(store, sessions, queries, o365, workspaces);
  const view = vscode.window.createTreeView(TENANTS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  return vscode.Disposable.from(view, provider, store.onDidChange(() => provider.refresh()), sessions.onDidChange(() => provider.refresh()), queries.onDidChange(() => provider.refresh()), o365.onDidChange(() => provider.refresh()), workspaces.onDidChange(() => provider.refresh()));
}
