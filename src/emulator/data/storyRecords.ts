/**
 * Turns the story's beats into records: a beat replaces a generated sign-in or audit at its index
 * with a record of the same shape, keeping the index's id, time and correlation id (so lookups by
 * id and the time order still hold).
 */
import { type License } from '../config';
import { Rng } from '../random';
import { type RiskyUserState } from './risk';
import { locationOf, signInJson } from './signInJson';
import { type SignInRecord } from './signIns';
import { type AuditBeat, type Network, type SignInBeat, STORY_MANAGED_DEVICE, STORY_WORKLOAD, storyApp, storyPolicies, storyResource, storySessionId } from './story';
import { OUTCOMES, type Vocabulary } from './tables';
import { isoTime } from './timeline';

export interface StoryContext {
  readonly seed: number;
  readonly tenantId: string;
  readonly license: License;
  readonly vocab: Vocabulary;
}


export function storySignIn(ctx: StoryContext, base: SignInRecord, beat: SignInBeat): SignInRecord {
  const outcome = OUTCOMES.find((o) => o.errorCode === beat.errorCode) ?? OUTCOMES[0];
  const app = storyApp(beat.app);
  const resource = storyResource(beat.resource);
  const { applied, status: caStatus } = storyPolicies(beat, ctx.vocab.policies);
  const hidden = ctx.license !== 'P2';
  const managed = beat.device === STORY_MANAGED_DEVICE;
  const user = beat.user;
  // Built as a generated sign-in is, so the two are indistinguishable in shape.
  const json = signInJson({
    id: String(base.json.id),
    createdDateTime: String(base.json.createdDateTime),
    correlationId: String(base.json.correlationId),
    resource,
    tenantId: ctx.tenantId,
    status: { errorCode: outcome.errorCode, failureReason: outcome.failureReason, additionalDetails: outcome.additionalDetails },
    principal: { kind: 'user', displayName: user.displayName, userPrincipalName: user.userPrincipalName, id: user.id, appId: app.appId, appDisplayName: app.displayName, clientAppUsed: beat.clientAppUsed, userAgent: beat.device.userAgent, isInteractive: beat.eventType === 'interactiveUser' },
    ipAddress: beat.network.address(beat.networkIndex),
    conditionalAccessStatus: caStatus,
    appliedConditionalAccessPolicies: applied,
    riskHidden: hidden,
    risk: { detail: 'none', level: 'none', state: 'none', eventTypes: [], eventTypesV2: [] },
    deviceDetail: {
      deviceId: managed ? `${user.id.slice(0, 8)}-d1ce-4c0d-8e5a-00000000c0de` : '',
      displayName: managed ? `${user.displayName.slice(0, 12).replace(/\s/g, '')}-PC7` : null,
      operatingSystem: beat.device.operatingSystem,
      browser: beat.device.browser,
      isCompliant: managed,
      isManaged: managed,
      trustType: managed ? 'Azure AD joined' : '',
    },
    place: beat.network.place,
  });
  return {
    index: base.index,
    eventType: beat.eventType,
    createdMs: base.createdMs,
    json,
    story: { mfa: beat.mfa, flow: beat.flow, beta: { sessionId: storySessionId(ctx.seed, user.id, beat.flow), autonomousSystemNumber: beat.network.asn, ...beat.beta } },
  };
}

/** The risky admin's risky sign-in: the same record, from the attacker's address, held at high risk. */
export function movedSignIn(ctx: StoryContext, base: SignInRecord, network: Network): SignInRecord {
  const hidden = ctx.license !== 'P2';
  const json = {
    ...base.json,
    ipAddress: network.address(0),
    location: locationOf(network.place),
    riskDetail: hidden ? 'hidden' : 'none',
    riskLevelAggregated: hidden ? 'hidden' : 'high',
    riskLevelDuringSignIn: hidden ? 'hidden' : 'high',
    riskState: 'atRisk',
    riskEventTypes: ['unfamiliarFeatures'],
    riskEventTypes_v2: ['unfamiliarFeatures'],
  };
  return { ...base, json, riskEventType: 'unfamiliarFeatures', story: { mfa: false, beta: { autonomousSystemNumber: network.asn } } };
}

export function storyAudit(ctx: StoryContext, base: Record<string, unknown>, beat: AuditBeat): Record<string, unknown> {
  const rng = Rng.for(ctx.seed, 0x57a, Number(String(base.id).split('_').pop()));
  const actor = beat.actor;
  const targetResources =
    beat.activity === 'Add member to role'
      ? [{ id: beat.target!.id, displayName: beat.target!.displayName, type: 'User', userPrincipalName: beat.target!.userPrincipalName, groupType: null, modifiedProperties: [{ displayName: 'Role.DisplayName', oldValue: null, newValue: JSON.stringify('Global Administrator') }] }]
      : [{ id: STORY_WORKLOAD.servicePrincipalId, displayName: STORY_WORKLOAD.displayName, type: 'ServicePrincipal', userPrincipalName: null, groupType: null, modifiedProperties: [{ displayName: 'KeyDescription', oldValue: '[]', newValue: JSON.stringify([`[KeyIdentifier=${rng.guid()},KeyType=Password,KeyUsage=Verify,DisplayName=sync]`]) }] }];
  return {
    ...base,
    category: beat.activity === 'Add member to role' ? 'RoleManagement' : 'ApplicationManagement',
    result: 'success',
    resultReason: '',
    activityDisplayName: beat.activity,
    loggedByService: 'Core Directory',
    operationType: beat.activity === 'Add member to role' ? 'Assign' : 'Update',
    initiatedBy: { app: null, user: { id: actor.id, displayName: actor.displayName, userPrincipalName: actor.userPrincipalName, ipAddress: beat.actorAddress ?? rng.ipv4() } },
    targetResources,
  };
}

/** Identity Protection holds the risky admin at high risk since the risky sign-in. */
export function storyRiskyAdmin(state: RiskyUserState, signIn: SignInRecord, license: License): RiskyUserState {
  const hidden = license !== 'P2';
  const at = isoTime(signIn.createdMs + 4 * 60_000);
  const base = { id: state.id, userDisplayName: state.userDisplayName, userPrincipalName: state.userPrincipalName, isDeleted: false, isProcessing: false };
  const level = hidden ? 'hidden' : 'high';
  return {
    ...base,
    riskLevel: level,
    riskState: 'atRisk',
    riskDetail: hidden ? 'hidden' : 'none',
    riskLastUpdatedDateTime: at,
    history: [{ ...base, userId: state.id, initiatedBy: null, riskLevel: level, riskState: 'atRisk', riskDetail: 'none', riskLastUpdatedDateTime: at, activity: { detail: 'none', riskEventTypes: ['unfamiliarFeatures'] } }],
  };
}
