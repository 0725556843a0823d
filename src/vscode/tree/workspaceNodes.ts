/** "Log Analytics workspaces" under a tenant: its workspaces, and under each the Entra tables it receives. */
import * as vscode from 'vscode';
import { workspaceCategory } from '../../core/logAnalytics/category';
import { type WorkspaceTable, WORKSPACE_TABLES } from '../../core/logAnalytics/tables';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { BROWSABLE_TABLES, type SavedWorkspace, type TableState, type Workspaces } from '../workspaces/workspaces';
import { MessageNode } from './messageNode';
import { type TreeNode } from './treeNode';

export class WorkspacesNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly tenant: TenantConfig,
    private readonly workspaces: Workspaces,
  ) {
    this.id = `workspaces:${tenant.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Log Analytics workspaces', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('database');
    const count = this.workspaces.list(this.tenant.key).length;
    item.description = count === 0 ? 'none added' : `${count}`;
    item.tooltip = 'Entra logs routed to Log Analytics (or Microsoft Sentinel) by diagnostic settings: kept up to 2 years, queried with KQL.';
    item.contextValue = 'workspaces';
    return item;
  }

  getChildren(): TreeNode[] {
    const list = this.workspaces.list(this.tenant.key);
    if (list.length === 0) {
      return [
        new MessageNode(`${this.id}:find`, 'Find the workspaces this tenant can read…', 'search', { command: 'identityLogs.findWorkspaces', title: 'Find Workspaces…', arguments: [this] }, 'Lists the Log Analytics workspaces of the subscriptions the tenant’s credential has an Azure role (such as Reader) on.'),
        new MessageNode(`${this.id}:empty`, 'Add a workspace by its ID…', 'add', { command: 'identityLogs.addWorkspace', title: 'Add Workspace…', arguments: [this] }, 'The Workspace ID is on the workspace’s Overview page in the Azure portal.'),
      ];
    }
    return list.map((w) => new WorkspaceNode(this.tenant, w, this.workspaces));
  }
}

export class WorkspaceNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly tenant: TenantConfig,
    readonly workspace: SavedWorkspace,
    private readonly workspaces: Workspaces,
  ) {
    this.id = `workspace:${tenant.key}:${workspace.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.workspace.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('database');
    item.description = this.workspace.id;
    item.tooltip = `Workspace ${this.workspace.name}\nID ${this.workspace.id}`;
    item.contextValue = 'workspace';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    let state = this.workspaces.state(this.tenant, this.workspace);
    if (state.kind === 'unknown') state = await this.workspaces.probe(this.tenant, this.workspace);
    if (state.kind === 'failed') {
      return [new MessageNode(`${this.id}:error`, `Cannot read the workspace: ${state.summary}`, 'error', { command: 'identityLogs.diagnosePermissions', title: 'Diagnose Permissions', arguments: [this.tenant.key] }, `${state.summary}\n\nClick to run Diagnose Permissions.`)];
    }
    const tables = state.kind === 'loaded' ? state.tables : new Map<string, TableState>();
    // The tables with a report view first (they open in the grid), then the others, for what the workspace receives.
    const ordered = [...BROWSABLE_TABLES, ...WORKSPACE_TABLES.filter((t) => !BROWSABLE_TABLES.includes(t))];
    return ordered.map((t) => new WorkspaceTableNode(this.tenant, this.workspace, t, tables.get(t.name) ?? 'notReceived'));
  }
}

const DESCRIPTION: Readonly<Record<TableState, string>> = { receiving: '', empty: 'no rows kept', notReceived: 'not received' };

/** A table: click asks for a filter and runs it; one the workspace does not receive says which setting fills it. */
export class WorkspaceTableNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly tenant: TenantConfig,
    readonly workspace: SavedWorkspace,
    readonly table: WorkspaceTable,
    readonly state: TableState,
  ) {
    this.id = `workspace:${tenant.key}:${workspace.id}:${table.name}`;
  }

  /** The results-panel category it opens; undefined for a table whose rows have no report view. */
  get category() {
    return BROWSABLE_TABLES.includes(this.table) ? workspaceCategory(this.workspace, this.table) : undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.table.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const received = this.state !== 'notReceived';
    const opens = received && this.category !== undefined;
    item.iconPath = new vscode.ThemeIcon(!received ? 'circle-slash' : opens ? 'table' : 'list-flat');
    item.description = [this.table.name, DESCRIPTION[this.state]].filter(Boolean).join(' · ');
    item.tooltip = !received
      ? `${this.workspace.name} does not receive ${this.table.name}. ${this.table.source.includes(' ') ? `It comes from ${this.table.source}` : `In the Entra admin center, under Diagnostic settings, send the category ${this.table.source} to this workspace`} (new data can take up to 3 days to appear).`
      : opens
        ? `${this.table.name} in ${this.workspace.name}: click to run a query on it.`
        : `${this.workspace.name} receives ${this.table.name}. Its rows mirror no report of this extension, so they do not open in its grid; query them in the Azure portal’s Logs blade.`;
    item.contextValue = opens ? 'workspaceTable' : received ? 'workspaceTable.other' : 'workspaceTable.missing';
    if (opens) item.command = { command: 'identityLogs.runWorkspaceQuery', title: 'Run Query…', arguments: [this] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
