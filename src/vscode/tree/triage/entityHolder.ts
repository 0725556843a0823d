import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type RiskyEntity } from '../../../core/triage/riskyEntities';
import { SUBJECTS } from '../../../core/triage/subjects';
import { type TreeNode } from '../treeNode';

/** A node that stands for risky users or service principals: one, or a whole group. Actions take these. */
export interface EntityHolder extends TreeNode {
  readonly tenant: TenantConfig;
  entities(): readonly RiskyEntity[];
}

export function isEntityHolder(node: unknown): node is EntityHolder {
  return typeof node === 'object' && node !== null && typeof (node as { entities?: unknown }).entities === 'function' && typeof (node as { tenant?: unknown }).tenant === 'object';
}

/**
 * "triage:<kind>[:confirm][:dismiss][:safe]": menus match the actions by regular expression. The
 * cloud decides dismiss and confirm safe (the China cloud has neither); confirm safe is for users.
 */
export function entityContext(kind: string, entities: readonly RiskyEntity[], cloudOffersAll: boolean): string {
  const confirm = entities.some((e) => e.riskState !== 'confirmedCompromised');
  const dismiss = cloudOffersAll && entities.some((e) => e.riskState !== 'dismissed');
  const safe = cloudOffersAll && entities.some((e) => SUBJECTS[e.subject].actions.includes('confirmSafe') && e.riskState !== 'confirmedSafe');
  return `triage:${kind}${confirm ? ':confirm' : ''}${dismiss ? ':dismiss' : ''}${safe ? ':safe' : ''}`;
}

/** The tree passes the clicked node and the whole selection; act on the selection when it includes the click. */
export function selectedHolders(clicked: unknown, selected: unknown): EntityHolder[] {
  const list = Array.isArray(selected) ? (selected as TreeNode[]).filter(isEntityHolder) : [];
  if (isEntityHolder(clicked) && !list.some((n) => n.id === clicked.id)) return [clicked];
  return list.length ? list : isEntityHolder(clicked) ? [clicked] : [];
}
