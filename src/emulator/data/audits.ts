/** Directory audits, generated on demand by index (newest first), with modified properties. */
import { Rng, STREAM } from '../random';
import { DirectoryUser } from './directory';
import { APPS, AUDIT_ACTIVITIES, HOSTILE_STRINGS } from './tables';
import { isoTime, Timeline, timeAt } from './timeline';

export interface AuditContext {
  readonly seed: number;
  readonly timeline: Timeline;
  readonly users: readonly DirectoryUser[];
}

export function auditIndexFromId(id: string): number | undefined {
  const m = /^Directory_[0-9A-F]{20}_(\d+)$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

export function auditAt(ctx: AuditContext, index: number): Record<string, unknown> {
  const rng = Rng.for(ctx.seed, STREAM.audit, index);
  const activity = rng.pick(AUDIT_ACTIVITIES);
  const ms = timeAt(ctx.seed, STREAM.audit, ctx.timeline, index);
  const byApp = rng.chance(0.3);
  const actor = ctx.users[rng.int(Math.min(ctx.users.length, 12))];
  const target = ctx.users[rng.int(ctx.users.length)];
  const failed = rng.chance(0.05);
  const modified =
    activity.operationType === 'Update' || activity.operationType === 'Assign'
      ? [
          { displayName: 'AccountEnabled', oldValue: '[true]', newValue: rng.chance(0.5) ? '[false]' : '[true]' },
          { displayName: 'DisplayName', oldValue: JSON.stringify([target.displayName]), newValue: JSON.stringify([rng.chance(0.1) ? HOSTILE_STRINGS[rng.int(HOSTILE_STRINGS.length)] : target.displayName]) },
          { displayName: 'Included Updated Properties', oldValue: null, newValue: '"AccountEnabled, DisplayName"' },
        ]
      : [];
  const targetResource =
    activity.targetType === 'User'
      ? { id: target.id, displayName: target.displayName, type: 'User', userPrincipalName: target.userPrincipalName, groupType: null, modifiedProperties: modified }
      : activity.targetType === 'Group'
        ? { id: rng.guid(), displayName: rng.pick(['Finance', 'Helpdesk Admins', 'All Staff', HOSTILE_STRINGS[0]]), type: 'Group', userPrincipalName: null, groupType: rng.pick(['unifiedGroups', 'azureAD']), modifiedProperties: modified }
        : { id: rng.guid(), displayName: rng.pick(APPS).displayName, type: activity.targetType, userPrincipalName: null, groupType: null, modifiedProperties: modified };
  const app = rng.pick(APPS);
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
      { key: 'User-Agent', value: rng.chance(0.1) ? HOSTILE_STRINGS[1] : 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36' },
      { key: 'ActivityCorrelationId', value: rng.guid() },
    ],
  };
}
