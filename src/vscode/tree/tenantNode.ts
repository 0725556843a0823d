import * as vscode from 'vscode';
import { cloudById } from '../../core/clouds';
import { targetLabel, type TenantConfig } from '../../core/tenants/tenantConfig';
import { type SignInState } from '../tenants/sessions';
import { type TreeNode } from './treeNode';

const SIGN_IN_LABELS: Record<TenantConfig['signInKind'], string> = {
  deviceCode: 'delegated (device code)',
  clientSecret: 'app (client secret)',
  certificate: 'app (certificate)',
};

function presentation(state: SignInState): { icon: vscode.ThemeIcon; text: string; context: string } {
  switch (state.kind) {
    case 'signedIn':
      return { icon: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')), text: state.account ? `signed in as ${state.account}` : 'signed in', context: 'tenant.signedIn' };
    case 'signingIn':
      return { icon: new vscode.ThemeIcon('loading~spin'), text: 'signing in…', context: 'tenant.signingIn' };
    case 'failed':
      return { icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')), text: 'sign-in failed', context: 'tenant.signedOut' };
    case 'signedOut':
      return { icon: new vscode.ThemeIcon('circle-large-outline'), text: 'signed out', context: 'tenant.signedOut' };
    default:
      return { icon: new vscode.ThemeIcon('organization'), text: '', context: 'tenant.signedOut' };
  }
}

export class TenantNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly tenant: TenantConfig,
    private readonly state: SignInState,
    private readonly children: () => TreeNode[],
  ) {
    this.id = `tenant:${tenant.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const p = presentation(this.state);
    // The demo tenant opens expanded: someone trying the product sees its reports at once. VS Code
    // remembers the state by id after that, so a user who folds it keeps it folded.
    const item = new vscode.TreeItem(this.tenant.displayName, this.tenant.target === 'demo' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const label = targetLabel(this.tenant);
    const fake = label ? ` · ${label}` : '';
    item.description = `${p.text}${fake}`;
    // "tenant.<state>[.demo]": menus match the state by prefix; demo tenants get Reset.
    item.contextValue = this.tenant.target === 'demo' ? `${p.context}.demo` : p.context;
    item.iconPath = p.icon;
    item.accessibilityInformation = { label: `${this.tenant.displayName}, ${p.text || 'sign-in state unknown'}` };
    const tooltip: string[] = [];
    tooltip.push(`${this.tenant.displayName}\n\n`);
    tooltip.push(`Tenant: ${this.tenant.tenant}\nCloud: ${targetLabel(this.tenant) ?? cloudById(this.tenant.cloud).label}${this.tenant.gcc ? ' (GCC)' : ''}\n`);
    tooltip.push(`Sign-in: ${SIGN_IN_LABELS[this.tenant.signInKind]}, app ${this.tenant.clientId}\n`);
    if (this.tenant.certificateThumbprint) tooltip.push(`Certificate SHA-256: ${this.tenant.certificateThumbprint}\n`);
    if (this.state.kind === 'failed') tooltip.push(`\n${this.state.summary}`);
    item.tooltip = tooltip.join('');
    return item;
  }

  getChildren(): TreeNode[] {
    return this.children();
  }
}
