import { enumLabel } from '../../../core/catalog/labels';
import * as vscode from 'vscode';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { ago, LEVEL_LABEL, STATE_LABEL } from '../../../core/triage/riskyEntities';
import { type TreeNode } from '../treeNode';
import { shortTime } from './riskPresentation';

type Json = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

interface Owner extends TreeNode {
  readonly tenant: TenantConfig;
}

/** "Risk detections (3)" or "History (2)" under a risky user. */
export class RecordListNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly parent: Owner,
    kind: string,
    private readonly label: string,
    private readonly icon: string,
    private readonly children: TreeNode[],
  ) {
    this.id = `${parent.id}:${kind}`;
  }

  getTreeItem(): vscode.TreeItem {
    // History is what an action changes, so it is open; detections stay folded.
    const open = this.id.endsWith(':history') || this.children.length <= 3;
    const item = new vscode.TreeItem(this.label, this.children.length === 0 ? vscode.TreeItemCollapsibleState.None : open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'triage:list';
    return item;
  }

  getChildren(): TreeNode[] {
    return this.children;
  }
}

/** One risk detection: what was detected, when, from where. Opens the risk detection panel. */
export class DetectionNode implements TreeNode {
  readonly id: string;
  readonly tenant: TenantConfig;
  constructor(
    readonly parent: Owner,
    readonly record: Json,
    index: number,
  ) {
    this.id = `${parent.id}:detection:${text(record.id) || index}`;
    this.tenant = parent.tenant;
  }

  getTreeItem(): vscode.TreeItem {
    const r = this.record;
    const item = new vscode.TreeItem(enumLabel(text(r.riskEventType)) || 'risk detection', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('shield');
    const loc = (typeof r.location === 'object' && r.location !== null ? r.location : {}) as Json;
    const where = [text(loc.city), text(loc.countryOrRegion)].filter(Boolean).join(', ');
    item.description = [shortTime(text(r.detectedDateTime)), text(r.ipAddress), where, enumLabel(text(r.detectionTimingType)).toLowerCase(), text(r.riskLevel) ? `${enumLabel(text(r.riskLevel)).toLowerCase()} risk` : ''].filter(Boolean).join(' · ');
    const tooltip: string[] = [];
    tooltip.push(`${enumLabel(text(r.riskEventType))} (${text(r.riskEventType)})\nDetected: ${text(r.detectedDateTime)}\nActivity: ${text(r.activityDateTime)}\nTiming: ${text(r.detectionTimingType)}\nLevel: ${text(r.riskLevel)} · state: ${text(r.riskState)}\nIP: ${text(r.ipAddress)} ${where}\nSource: ${text(r.source)}`);
    item.tooltip = tooltip.join('');
    item.contextValue = 'triage:detection';
    item.command = { command: 'identityLogs.triage.openDetails', title: 'Open Details', arguments: [this] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}

/** One entry of a risky user's history: the state it moved to, when, and who did it. */
export class HistoryItemNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly parent: Owner,
    readonly record: Json,
    index: number,
    private readonly nowMs: number,
  ) {
    this.id = `${parent.id}:history:${text(record.riskLastUpdatedDateTime)}:${index}`;
  }

  getTreeItem(): vscode.TreeItem {
    const r = this.record;
    const state = STATE_LABEL[text(r.riskState)] ?? text(r.riskState);
    const level = LEVEL_LABEL[text(r.riskLevel)] ?? text(r.riskLevel);
    const item = new vscode.TreeItem(`${state} · ${level.toLowerCase()}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('history');
    // Identity Protection records an id: name the one this tool can (its own app, for app-only sign-in).
    const actorId = text(r.initiatedBy);
    const actor = actorId && actorId.toLowerCase() === this.parent.tenant.clientId.toLowerCase() ? `${actorId} (this tenant's app in Identity Log Explorer)` : actorId;
    const activity = (typeof r.activity === 'object' && r.activity !== null ? r.activity : {}) as Json;
    const events = Array.isArray(activity.riskEventTypes) ? activity.riskEventTypes.filter((x): x is string => typeof x === 'string') : [];
    item.description = [shortTime(text(r.riskLastUpdatedDateTime)), `(${ago(Date.parse(text(r.riskLastUpdatedDateTime)), this.nowMs)})`, actor ? `by ${actor}` : 'by Identity Protection', events.join(', ')].filter(Boolean).join(' ');
    const tooltip: string[] = [];
    tooltip.push(`${state}, ${level}\nDetail: ${text(r.riskDetail)}\nWhen: ${text(r.riskLastUpdatedDateTime)}\nInitiated by: ${actor || 'Identity Protection (no administrator)'}${events.length ? `\nRisk events: ${events.join(', ')}` : ''}`);
    item.tooltip = tooltip.join('');
    item.contextValue = 'triage:history';
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
