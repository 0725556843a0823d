import * as vscode from 'vscode';
import { cloudById } from '../../../core/clouds';
import { diagnose, summarize } from '../../../core/diagnose/classify';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { ago, LEVEL_LABEL, type RiskyEntity, STATE_LABEL } from '../../../core/triage/riskyEntities';
import { SUBJECTS, unavailableReason } from '../../../core/triage/subjects';
import { type TriageModel } from '../../triage/triageModel';
import { type TreeNode } from '../treeNode';
import { DetectionNode, HistoryItemNode, RecordListNode } from './recordNodes';
import { entityContext, type EntityHolder } from './entityHolder';
import { MessageNode } from '../messageNode';
import { levelIcon, shortTime } from './riskPresentation';

/** One risky user or service principal; its children are its risk detections and its history. */
export class RiskyEntityNode implements EntityHolder {
  readonly id: string;

  constructor(
    readonly tenant: TenantConfig,
    readonly entity: RiskyEntity,
    readonly parent: TreeNode,
    private readonly model: TriageModel,
    private readonly nowMs: number,
  ) {
    this.id = `triage:${tenant.key}:${entity.subject}:${entity.id}`;
  }

  entities(): readonly RiskyEntity[] {
    return [this.entity];
  }

  getTreeItem(): vscode.TreeItem {
    const e = this.entity;
    const cloud = cloudById(this.tenant.cloud);
    const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = levelIcon(e.riskLevel);
    const state = STATE_LABEL[e.riskState] ?? e.riskState;
    item.description = [e.secondary, state, e.isProcessing ? 'processing' : '', ago(e.updatedMs, this.nowMs)].filter(Boolean).join(' · ');
    item.contextValue = entityContext(e.subject === 'users' ? 'user' : 'servicePrincipal', [e], cloud.supportsRiskDismiss);
    // Names come from the log: a plain-string tooltip is inert text (a MarkdownString would turn
    // URLs inside display names or risk details into links).
    const tooltip: string[] = [];
    tooltip.push(`${e.name}\n${e.secondary}\n\n`);
    tooltip.push(`Risk level: ${LEVEL_LABEL[e.riskLevel] ?? e.riskLevel}\nState: ${state}\nDetail: ${e.riskDetail}\nUpdated: ${shortTime(e.updated)} (${e.updated})\n${SUBJECTS[e.subject].noun} id: ${e.id}`);
    const why = unavailableReason(cloud, 'dismiss');
    if (why) tooltip.push(`\n\n${why}`);
    item.tooltip = tooltip.join('');
    item.accessibilityInformation = { label: `${e.name}, ${e.secondary}, ${LEVEL_LABEL[e.riskLevel] ?? e.riskLevel}, ${state}, updated ${ago(e.updatedMs, this.nowMs)}` };
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    const out: TreeNode[] = [];
    const e = this.entity;
    // Users' from riskDetections, service principals' from servicePrincipalRiskDetections.
    try {
      const list = await this.model.detections(e);
      out.push(new RecordListNode(this, 'detections', `Risk detections (${list.length})`, 'shield', list.map((r, k) => new DetectionNode(this, r, k))));
    } catch (err) {
      out.push(new MessageNode(`${this.id}:detections-error`, `Risk detections could not be read: ${summarize(diagnose(err))}`, 'warning'));
    }
    try {
      const list = await this.model.history(e);
      out.push(new RecordListNode(this, 'history', `History (${list.length})`, 'history', list.map((r, k) => new HistoryItemNode(this, r, k, this.nowMs))));
    } catch (err) {
      out.push(new MessageNode(`${this.id}:history-error`, `History could not be read: ${summarize(diagnose(err))}`, 'warning'));
    }
    return out;
  }
}
