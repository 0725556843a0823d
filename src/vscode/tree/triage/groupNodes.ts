import * as vscode from 'vscode';
import { cloudById } from '../../../core/clouds';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type LevelGroup, type RiskyEntity, type StateGroup } from '../../../core/triage/riskyEntities';
import { type TriageModel } from '../../triage/triageModel';
import { type TreeNode } from '../treeNode';
import { entityContext, type EntityHolder } from './entityHolder';
import { RiskyEntityNode } from './riskyEntityNode';
import { levelIcon, stateIcon } from './riskPresentation';

interface Shared {
  readonly tenant: TenantConfig;
  readonly model: TriageModel;
  readonly nowMs: number;
}

/** "High risk (12)": one risk level, its states below. Acting on it acts on everyone in it. */
export class LevelNode implements EntityHolder {
  readonly id: string;
  readonly tenant: TenantConfig;
  constructor(
    readonly parent: TreeNode | undefined,
    prefix: string,
    private readonly group: LevelGroup,
    private readonly shared: Shared,
  ) {
    this.id = `${prefix}:level:${group.level}`;
    this.tenant = shared.tenant;
  }

  entities(): readonly RiskyEntity[] {
    return this.group.states.flatMap((s) => s.entities);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`${this.group.label} (${this.group.count})`, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = levelIcon(this.group.level);
    item.description = this.group.states.map((s) => `${s.entities.length} ${s.label.toLowerCase()}`).join(', ');
    item.contextValue = entityContext('group', this.entities(), cloudById(this.tenant.cloud).supportsRiskDismiss);
    return item;
  }

  getChildren(): TreeNode[] {
    return this.group.states.map((s) => new StateNode(this, s, this.shared));
  }
}

/** "At risk (7)" under a level. */
export class StateNode implements EntityHolder {
  readonly id: string;
  readonly tenant: TenantConfig;
  constructor(
    readonly parent: LevelNode,
    private readonly group: StateGroup,
    private readonly shared: Shared,
  ) {
    this.id = `${parent.id}:state:${group.state}`;
    this.tenant = shared.tenant;
  }

  entities(): readonly RiskyEntity[] {
    return this.group.entities;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`${this.group.label} (${this.group.entities.length})`, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = stateIcon(this.group.state);
    item.contextValue = entityContext('group', this.group.entities, cloudById(this.tenant.cloud).supportsRiskDismiss);
    return item;
  }

  getChildren(): TreeNode[] {
    return this.group.entities.map((e) => new RiskyEntityNode(this.tenant, e, this, this.shared.model, this.shared.nowMs));
  }
}

/** The second list: risky service principals (workload identities), grouped the same way. */
export class ServicePrincipalsNode implements EntityHolder {
  readonly id: string;
  readonly tenant: TenantConfig;
  constructor(
    private readonly groups: readonly LevelGroup[] | undefined,
    private readonly message: TreeNode | undefined,
    private readonly shared: Shared,
  ) {
    this.tenant = shared.tenant;
    this.id = `triage:${shared.tenant.key}:servicePrincipals`;
  }

  entities(): readonly RiskyEntity[] {
    return (this.groups ?? []).flatMap((g) => g.states.flatMap((s) => s.entities));
  }

  getTreeItem(): vscode.TreeItem {
    const count = this.entities().length;
    const item = new vscode.TreeItem(this.groups ? `Service principals (${count})` : 'Service principals', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('robot');
    item.description = 'workload identities';
    item.contextValue = this.groups ? entityContext('group', this.entities(), cloudById(this.tenant.cloud).supportsRiskDismiss) : 'triage:unavailable';
    return item;
  }

  getChildren(): TreeNode[] {
    if (this.message) return [this.message];
    return (this.groups ?? []).map((g) => new LevelNode(this, `${this.id}`, g, this.shared));
  }
}
