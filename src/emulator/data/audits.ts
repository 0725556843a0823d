/** Directory audits, generated on demand by index (newest first), with modified properties. */
import { Rng, STREAM } from '../random';
import { type DirectoryUser } from './directory';
import { AUDIT_ACTIVITIES, type Vocabulary } from './tables';
import { isoTime, type Timeline, timeAt } from './timeline';

export interface AuditContext {
  readonly seed: number;
  readonly timeline: Timeline;
  readonly users: readonly DirectoryUser[];
  readonly vocab: Vocabulary;
}

export function auditIndexFromId(id: string): number | undefined {
  const m = /^Directory_[0-9A-F]{20}_(\d+)$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

type Change = { displayName: string; oldValue: string | null; newValue: string | null };
type Target = { id: string; displayName: string; type: string; userPrincipalName: string | null; groupType: string | null; modifiedProperties: Change[] };

const json = (v: unknown) => JSON.stringify(v);
/** Audit logs list the properties an update changed: only ones whose value really changed. */
const updated = (changes: Change[]): Change[] => [...changes, { displayName: 'Included Updated Properties', oldValue: null, newValue: json(changes.map((c) => c.displayName).join(', ')) }];

/**
 * What an activity did to what: the target's type matches the activity, and modified properties
 * are those the activity changes (an "Update conditional access policy" targets a policy and changes
 * its state; it does not disable an account).
 */
function targetOf(activity: (typeof AUDIT_ACTIVITIES)[number], rng: Rng, target: DirectoryUser, vocab: Vocabulary): Target {
  const user = (modifiedProperties: Change[]): Target => ({ id: target.id, displayName: target.displayName, type: 'User', userPrincipalName: target.userPrincipalName, groupType: null, modifiedProperties });
  switch (activity.activityDisplayName) {
    case 'Update user': {
      const variant = rng.int(4);
      if (variant === 0) return user(updated([{ displayName: 'AccountEnabled', oldValue: '[true]', newValue: '[false]' }]));
      if (variant === 1) return user(updated([{ displayName: 'JobTitle', oldValue: json(['Analyst']), newValue: json(['Senior Analyst']) }]));
      if (variant === 2) return user(updated([{ displayName: 'Department', oldValue: json(['Sales']), newValue: json(['Finance']) }]));
      // Test fixture only: a display name changed to attacker-chosen text.
      const renamed = vocab.pickHostile(rng.int(64), `${target.displayName} (contractor)`);
      return user(updated([{ displayName: 'DisplayName', oldValue: json([target.displayName]), newValue: json([renamed]) }]));
    }
    case 'Add member to group': {
      const group = rng.pick(['Finance', 'Helpdesk Admins', 'All Staff', 'VPN Users', vocab.pickHostile(0, 'Contractors')]);
      return { id: rng.guid(), displayName: group, type: 'Group', userPrincipalName: null, groupType: rng.pick(['unifiedGroups', 'azureAD']), modifiedProperties: [{ displayName: 'Group.DisplayName', oldValue: null, newValue: json(group) }] };
    }
    case 'Add member to role':
      return user([{ displayName: 'Role.DisplayName', oldValue: null, newValue: json(rng.pick(['Global Administrator', 'Security Reader', 'Exchange Administrator', 'Helpdesk Administrator'])) }]);
    case 'Consent to application': {
      const app = rng.pick(vocab.apps);
      return { id: rng.guid(), displayName: app.displayName, type: 'ServicePrincipal', userPrincipalName: null, groupType: null, modifiedProperties: [{ displayName: 'ConsentAction.Permissions', oldValue: null, newValue: json(`Scope: ${rng.pick(['User.Read', 'User.Read Mail.Read', 'Files.Read.All offline_access'])}`) }] };
    }
    case 'Add service principal credentials': {
      const w = rng.pick(vocab.workloads);
      return { id: w.servicePrincipalId, displayName: w.displayName, type: 'ServicePrincipal', userPrincipalName: null, groupType: null, modifiedProperties: [{ displayName: 'KeyDescription', oldValue: '[]', newValue: json([`[KeyIdentifier=${rng.guid()},KeyType=Password,KeyUsage=Verify,DisplayName=${w.displayName}-secret]`]) }] };
    }
    case 'Update conditional access policy': {
      const policy = rng.pick(vocab.policies);
      const from = rng.chance(0.5) ? 'enabledForReportingButNotEnforced' : 'disabled';
      return { id: policy.id, displayName: policy.displayName, type: 'Policy', userPrincipalName: null, groupType: null, modifiedProperties: [{ displayName: 'ConditionalAccessPolicy', oldValue: json({ id: policy.id, displayName: policy.displayName, state: from }), newValue: json({ id: policy.id, displayName: policy.displayName, state: 'enabled' }) }] };
    }
    case 'Add eligible member to role in PIM completed (permanent)':
      return { id: rng.guid(), displayName: rng.pick(['Global Administrator', 'Privileged Role Administrator', 'Security Administrator']), type: 'Role', userPrincipalName: null, groupType: null, modifiedProperties: [] };
    default:
      // Adds, deletes, invitations, password resets and security-info registration change no listed property.
      return user([]);
  }
}

export function auditAt(ctx: AuditContext, index: number): Record<string, unknown> {
  const rng = Rng.for(ctx.seed, STREAM.audit, index);
  const activity = rng.pick(AUDIT_ACTIVITIES);
  const ms = timeAt(ctx.seed, STREAM.audit, ctx.timeline, index);
  const byApp = rng.chance(0.3);
  const actor = ctx.users[rng.int(Math.min(ctx.users.length, 12))];
  const target = ctx.users[rng.int(ctx.users.length)];
  const failed = rng.chance(0.05);
  const targetResource = targetOf(activity, rng, target, ctx.vocab);
  const app = rng.pick(ctx.vocab.apps);
  const agent = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
  return {
    id: `Directory_${rng.guid().replace(/-/g, '').slice(0, 20).toUpperCase()}_${index}`,
    category: activity.category,
    correlationId: rng.guid(),
    result: failed ? 'failure' : 'success',
    resultReason: failed ? 'Microsoft.Online.Workflows.ObjectAlreadyExistsException' : '',
    activityDisplayName: activity.activityDisplayName,
    activityDateTime: isoTime(ms),
    loggedByService: activity.loggedByService,
    operationType: activity.operationType,
    initiatedBy: byApp
      ? { user: null, app: { appId: app.appId, displayName: app.displayName, servicePrincipalId: rng.guid(), servicePrincipalName: app.displayName } }
      : { app: null, user: { id: actor.id, displayName: actor.displayName, userPrincipalName: actor.userPrincipalName, ipAddress: rng.ipv4() } },
    targetResources: [targetResource],
    additionalDetails: [
      { key: 'User-Agent', value: rng.chance(0.1) ? ctx.vocab.pickHostile(1, agent) : agent },
      { key: 'ActivityCorrelationId', value: rng.guid() },
    ],
  };
}
