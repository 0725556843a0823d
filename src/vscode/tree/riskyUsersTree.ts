import * as vscode from 'vscode';
import { cloudById } from '../../core/clouds';
import { targetLabel } from '../../core/tenants/tenantConfig';
import { describeFilter, groupEntities, matchesFilter } from '../../core/triage/riskyEntities';
import { unavailableReason } from '../../core/triage/subjects';
import { type TriageModel } from '../triage/triageModel';
import { type TriageSelection } from '../triage/triageSelection';
import { type TreeNode } from './treeNode';
import { ExamplesNode } from './triage/exampleNodes';
import { LevelNode, ServicePrincipalsNode } from './triage/groupNodes';
import { MessageNode } from './messageNode';

export const RISKY_USERS_VIEW_ID = 'identityLogs.riskyUsers';

const diagnoseCommand = (tenantKey: string): vscode.Command => ({ command: 'identityLogs.diagnosePermissions', title: 'Diagnose Permissions', arguments: [tenantKey] });

class RiskyUsersTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly model: TriageModel,
    private readonly selection: TriageSelection,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return (node as { parent?: TreeNode }).parent;
  }

  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    if (node) return node.getChildren();
    const tenant = this.selection.tenant();
    // No tenant: the view's welcome content offers the picker.
    if (!tenant) return [];
    const filter = this.selection.filter();
    const nowMs = Date.now();
    const shared = { tenant, model: this.model, nowMs };
    const users = this.model.state('users');
    const out: TreeNode[] = [];
    if (users.kind === 'loading') {
      out.push(new MessageNode(`triage:${tenant.key}:loading`, `Reading risky users of ${tenant.displayName}…`, 'loading~spin'));
    } else if (users.kind === 'failed') {
      out.push(new MessageNode(`triage:${tenant.key}:users-error`, `Risky users could not be read: ${users.summary}`, 'error', diagnoseCommand(tenant.key), `${users.summary}\n\nClick to run Diagnose Permissions.`));
    } else {
      const shown = users.entities.filter((e) => matchesFilter(e, filter, nowMs));
      if (shown.length === 0) {
        const hiddenCount = users.entities.length - shown.length;
        out.push(new MessageNode(`triage:${tenant.key}:empty`, hiddenCount > 0 ? `No risky users match the filter (${hiddenCount} hidden by it)` : 'No risky users', 'pass', hiddenCount > 0 ? { command: 'identityLogs.triage.filter', title: 'Filter…' } : undefined));
      }
      for (const g of groupEntities(shown)) out.push(new LevelNode(undefined, `triage:${tenant.key}:users`, g, shared));
    }
    const sps = this.model.state('servicePrincipals');
    if (sps.kind === 'loaded') {
      const shown = sps.entities.filter((e) => matchesFilter(e, filter, nowMs));
      const message = shown.length === 0 ? new MessageNode(`triage:${tenant.key}:sp-empty`, 'No risky service principals match the filter', 'pass') : undefined;
      out.push(new ServicePrincipalsNode(groupEntities(shown), message, shared));
    } else if (sps.kind === 'failed') {
      const hint = /Permission|Premium|license|Authorization/i.test(sps.code) ? ' (needs IdentityRiskyServicePrincipal.Read.All and a Workload ID Premium licence)' : '';
      out.push(new ServicePrincipalsNode(undefined, new MessageNode(`triage:${tenant.key}:sp-error`, `Not available: ${sps.summary}${hint}`, 'circle-slash', diagnoseCommand(tenant.key)), shared));
    }
    out.push(new ExamplesNode(tenant.key));
    return out;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface RiskyUsersTree extends vscode.Disposable {
  readonly view: vscode.TreeView<TreeNode>;
  /** Selects a user or service principal and opens it, so its new history item shows. */
  reveal(subject: 'users' | 'servicePrincipals', id: string): Promise<boolean>;
  /** What the view draws from, and when its data has settled (for the extension's own tests). */
  readonly provider: vscode.TreeDataProvider<TreeNode>;
  settled(): Promise<void>;
}

export function registerRiskyUsersTree(model: TriageModel, selection: TriageSelection, onTenantsChanged: vscode.Event<unknown>, onSignInChanged: vscode.Event<string>): RiskyUsersTree {
  const provider = new RiskyUsersTreeProvider(model, selection);
  const view = vscode.window.createTreeView(RISKY_USERS_VIEW_ID, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true });
  const describe = () => {
    const tenant = selection.tenant();
    const label = tenant ? targetLabel(tenant) : undefined;
    view.description = tenant ? `${tenant.displayName}${label ? ` (${label})` : ''} · ${describeFilter(selection.filter())}` : undefined;
    // Said once at the top rather than on every node: the China cloud has no dismiss.
    view.message = tenant ? unavailableReason(cloudById(tenant.cloud), 'dismiss') : undefined;
    void vscode.commands.executeCommand('setContext', 'identityLogs.triageTenantSelected', tenant !== undefined);
  };
  describe();
  let shownKey = selection.tenant()?.key;
  const subscriptions = [
    model.onDidChange(() => provider.refresh()),
    // Signing in (or out) changes what can be read: read again rather than keep a stale error.
    onSignInChanged((tenantKey) => {
      if (tenantKey === shownKey) void model.reload();
    }),
    selection.onDidChange(() => {
      describe();
      shownKey = selection.tenant()?.key;
      if (model.needsReload()) void model.reload();
      else provider.refresh();
    }),
    onTenantsChanged(() => {
      describe();
      // A first tenant added (or the shown one removed) changes what the view is about.
      const key = selection.tenant()?.key;
      if (key !== shownKey) void model.reload();
      else provider.refresh();
      shownKey = key;
    }),
  ];
  const find = async (nodes: TreeNode[], target: string, depth: number): Promise<TreeNode | undefined> => {
    for (const n of nodes) if (n.id === target) return n;
    if (depth === 0) return undefined;
    for (const n of nodes) {
      // Only groups are searched: opening a user would read its history and detections.
      if (!/:(level|state):[^:]+$|:servicePrincipals$/.test(n.id)) continue;
      const hit = await find(await n.getChildren(), target, depth - 1);
      if (hit) return hit;
    }
    return undefined;
  };
  return {
    view,
    provider,
    settled: () => model.settled(),
    reveal: async (subject, id) => {
      const tenant = selection.tenant();
      // A hidden view has nothing rendered to reveal into; the next look shows the new state anyway.
      if (!tenant || !view.visible) return false;
      const node = await find(await provider.getChildren(), `triage:${tenant.key}:${subject}:${id}`, 3);
      if (!node) return false;
      try {
        await view.reveal(node, { select: true, focus: false, expand: true });
        // Then the newest history item, which records the action just taken, comes into view.
        const lists = await node.getChildren();
        const history = lists.find((n) => n.id.endsWith(':history'));
        const newest = history ? (await history.getChildren())[0] : undefined;
        if (newest) await view.reveal(newest, { select: false, focus: false });
        return true;
      } catch {
        // The tree may be redrawing after the reload; revealing is a convenience, not the result.
        return false;
      }
    },
    dispose: () => {
      for (const s of subscriptions) s.dispose();
      view.dispose();
      provider.dispose();
    },
  };
}
