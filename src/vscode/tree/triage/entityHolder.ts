import { TenantConfig } from '../../../core/tenants/tenantConfig';
import { RiskyEntity } from '../../../core/triage/riskyEntities';
import { TreeNode } from '../treeNode';

/** A node that stands for risky users or service principals: one, or a whole group. Actions take these. */
export interface EntityHolder extends TreeNode {
  readonly tenant: TenantConfig;
  entities(): readonly RiskyEntity[];
}

export function isEntityHolder(node: unknown): node is EntityHolder {
  return typeof node === 'object' && node !== null && typeof (node as { entities?: unknown }).entities === 'function' && typeof (node as { tenant?: unknown }).tenant === 'object';
}

/** "triage:<kind>[:confirm][:dismiss]": menus match the actions by regular expression. */
export function entityContext(kind: string, entities: readonly RiskyEntity[], dismissOffered: boolean): string {
  const confirm = entities.some((e) => e.riskState !== 'confirmedCompromised');
  const dismiss = dismissOffered && entities.some((e) => e.riskState !== 'dismissed');
  return `triage:${kind}${confirm ? ':confirm' : ''}${dismiss ? ':dismiss' : ''}`;
}
