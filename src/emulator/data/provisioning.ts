/** Provisioning events (provisioningObjectSummary), generated on demand by index, newest first. */
import { mix32, Rng, STREAM } from '../random';
import { type DirectoryUser } from './directory';
import { isoTime, type Timeline, timeAt } from './timeline';

export interface ProvisioningContext {
  readonly seed: number;
  readonly timeline: Timeline;
  readonly tenantId: string;
  readonly users: readonly DirectoryUser[];
}

const TARGETS = [
  { name: 'ServiceNow', id: '3f1f4a5b-2c6d-4e7f-8091-a2b3c4d5e6f7' },
  { name: 'Salesforce', id: '4a2b5c6d-3e7f-4a81-9b2c-b3c4d5e6f708' },
  { name: 'Workday to Microsoft Entra ID', id: '5b3c6d7e-4f80-4b92-8c3d-c4d5e6f70819' },
];

/** Like sign-in ids, the id carries its index so lookups by id need no scan. */
export function provisioningIdFor(seed: number, index: number, randomGuid: string): string {
  return ((index ^ mix32(seed, 0x9e0)) >>> 0).toString(16).padStart(8, '0') + randomGuid.slice(8);
}

export function provisioningIndexFromId(seed: number, id: string): number | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return (Number.parseInt(id.slice(0, 8), 16) ^ mix32(seed, 0x9e0)) >>> 0;
}

const EXPORT_STEP: Readonly<Record<string, { name: string; verb: string; done: string }>> = {
  create: { name: 'EntryExportAdd', verb: 'create', done: 'created' },
  update: { name: 'EntryExportUpdate', verb: 'update', done: 'updated' },
  disable: { name: 'EntryExportUpdateSoftDelete', verb: 'disable', done: 'disabled' },
  delete: { name: 'EntryExportDelete', verb: 'delete', done: 'deleted' },
  other: { name: 'EntryExport', verb: 'process', done: 'processed' },
};

export function provisioningAt(ctx: ProvisioningContext, index: number): Record<string, unknown> {
  const rng = Rng.for(ctx.seed, STREAM.provisioning, index);
  const ms = timeAt(ctx.seed, STREAM.provisioning, ctx.timeline, index);
  const user = ctx.users[rng.int(ctx.users.length)];
  const target = rng.pick(TARGETS);
  const action = rng.weighted<string>([['create', 3], ['update', 6], ['disable', 1], ['delete', 1], ['other', 1]]);
  const status = rng.weighted<string>([['success', 14], ['failure', 2], ['skipped', 3], ['warning', 1]]);
  const failed = status === 'failure';
  const step = (name: string, type: string, s: string, description: string) => ({ name, provisioningStepType: type, status: s, description, details: {} });
  return {
    id: provisioningIdFor(ctx.seed, index, rng.guid()),
    activityDateTime: isoTime(ms),
    tenantId: ctx.tenantId,
    jobId: `${target.name.replace(/\W/g, '')}.${target.id.slice(0, 8)}`,
    cycleId: rng.guid(),
    changeId: rng.guid(),
    durationInMilliseconds: rng.range(40, 9000),
    provisioningAction: action,
    initiatedBy: { id: '', displayName: 'Microsoft.Azure.SyncFabric', initiatorType: 'system' },
    servicePrincipal: { id: target.id, displayName: target.name },
    sourceSystem: { id: rng.guid(), displayName: 'Microsoft Entra ID', details: {} },
    targetSystem: { id: target.id, displayName: target.name, details: {} },
    sourceIdentity: { id: user.id, displayName: user.displayName, identityType: 'User', details: {} },
    targetIdentity: { id: failed ? '' : rng.guid(), displayName: user.userPrincipalName, identityType: 'User', details: {} },
    // Only what this action changed in the target system.
    modifiedProperties:
      action === 'create'
        ? [
            { displayName: 'accountEnabled', oldValue: null, newValue: 'True' },
            { displayName: 'displayName', oldValue: null, newValue: user.displayName },
            { displayName: 'userPrincipalName', oldValue: null, newValue: user.userPrincipalName },
          ]
        : action === 'disable'
          ? [{ displayName: 'accountEnabled', oldValue: 'True', newValue: 'False' }]
          : action === 'update'
            ? [{ displayName: 'department', oldValue: 'Sales', newValue: 'Finance' }]
            : [],
    provisioningSteps: [
      step('EntryImport', 'import', 'success', `Retrieved ${user.userPrincipalName} from Microsoft Entra ID`),
      step('EntrySynchronizationScoping', 'scoping', status === 'skipped' ? 'skipped' : 'success', status === 'skipped' ? 'User is not in scope (not assigned to the application)' : 'User is in scope'),
      // The export step says what the record's action did, in the record's own target system.
      step(EXPORT_STEP[action].name, 'export', status === 'skipped' ? 'skipped' : failed ? 'failure' : 'success', status === 'skipped' ? `${user.userPrincipalName} was left unchanged in ${target.name}` : failed ? `Failed to ${EXPORT_STEP[action].verb} ${user.userPrincipalName} in ${target.name}` : `${user.userPrincipalName} was ${EXPORT_STEP[action].done} in ${target.name}`),
    ],
    provisioningStatusInfo: {
      status,
      errorInformation: failed
        ? { errorCode: 'SalesforceDuplicateUsername', errorCategory: 'nonServiceFailure', reason: 'A user with this username already exists in the target.', additionalDetails: null, recommendedAction: 'Change the matching attribute or remove the duplicate in the target system.' }
        : null,
    },
  };
}
