import * as vscode from 'vscode';
import { CONTENT_TYPES, type ContentType } from '../../core/o365/contentTypes';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { o365Unavailable, type O365Subscriptions } from '../o365/o365Subscriptions';
import { MessageNode } from './messageNode';
import { type TreeNode } from './treeNode';

const ABOUT: Readonly<Record<ContentType, string>> = {
  'Audit.AzureActiveDirectory': 'Entra ID logons and directory changes as Office 365 records them',
  'Audit.Exchange': 'Exchange mailbox and admin activity',
  'Audit.SharePoint': 'SharePoint and OneDrive activity',
  'Audit.General': 'Teams, Power BI, Purview and other workloads',
  'DLP.All': 'Data loss prevention events (all workloads)',
};

/** "Office 365 activity" under a tenant: one child per content type with its subscription state. */
export class Office365Node implements TreeNode {
  readonly id: string;
  constructor(
    readonly tenant: TenantConfig,
    private readonly o365: O365Subscriptions,
  ) {
    this.id = `o365:${tenant.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Office 365 activity', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('mail');
    item.description = o365Unavailable(this.tenant) ? 'app sign-in only' : 'Management Activity API';
    item.tooltip = 'Unified audit content from the Office 365 Management Activity API: subscriptions per content type, content listed in 24-hour windows up to 7 days back.';
    item.contextValue = 'o365';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    const why = o365Unavailable(this.tenant);
    if (why) return [new MessageNode(`${this.id}:unavailable`, why, 'info', { command: 'identityLogs.editTenant', title: 'Edit Tenant…', arguments: [this.tenant.key] }, why)];
    let state = this.o365.state(this.tenant);
    if (state.kind === 'loading') state = await this.o365.refresh(this.tenant);
    if (state.kind === 'failed') {
      return [new MessageNode(`${this.id}:error`, `Subscriptions could not be read: ${state.summary}`, 'error', { command: 'identityLogs.diagnosePermissions', title: 'Diagnose Permissions', arguments: [this.tenant.key] }, `${state.summary}\n\nClick to run Diagnose Permissions.`)];
    }
    return CONTENT_TYPES.map((ct) => new ContentTypeNode(this.tenant, ct, state.kind === 'loaded' ? state.status.get(ct) : undefined));
  }
}

/** One content type: click browses its content; the menu starts or stops its subscription. */
export class ContentTypeNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly tenant: TenantConfig,
    readonly contentType: ContentType,
    readonly status: string | undefined,
  ) {
    this.id = `o365:${tenant.key}:${contentType}`;
  }

  getTreeItem(): vscode.TreeItem {
    const enabled = this.status === 'enabled';
    const item = new vscode.TreeItem(this.contentType, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(enabled ? 'pass-filled' : 'circle-large-outline', enabled ? new vscode.ThemeColor('testing.iconPassed') : undefined);
    item.description = enabled ? 'subscribed' : this.status ? this.status : 'not subscribed';
    item.tooltip = `${this.contentType}: ${ABOUT[this.contentType]}.\n${enabled ? 'Subscribed: click to browse content.' : 'Not subscribed: start the subscription first; content can take up to 12 hours to appear.'}`;
    item.contextValue = enabled ? 'o365.contentType.enabled' : 'o365.contentType.disabled';
    item.command = { command: 'identityLogs.o365.browse', title: 'Browse Content…', arguments: [this] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
