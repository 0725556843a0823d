/**
 * Sign-ins, generated on demand by index. Index 0 is the newest; times strictly decrease with the
 * index, so "newest first" is index order, a time range is an index range found by binary search,
 * and a skip token is just the next index.
 */
import { type License } from '../config';
import { mix32, Rng, STREAM } from '../random';
import { isoTime, type Timeline, timeAt } from './timeline';
import { type DirectoryUser } from './directory';
import { signInJson } from './signInJson';
import {
  type CaPolicy,
  CLIENT_APPS,
  OUTCOMES,
  type Outcome,
  PLACES,
  RESOURCES,
  RISK_EVENT_TYPES,
  TRUST_TYPES,
  WORKLOAD_OUTCOMES,
  type Vocabulary,
} from './tables';

export type SignInEventType = 'interactiveUser' | 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity';

/** Every RISK_EVERY-th sign-in (from RISK_OFFSET) is risky and has a risk detection. */
export const RISK_EVERY = 37;
export const RISK_OFFSET = 5;

const RISK_LEGACY_ENUM = new Set(['unlikelyTravel', 'anonymizedIPAddress', 'maliciousIPAddress', 'unfamiliarFeatures', 'leakedCredentials', 'investigationsThreatIntelligence']);

/**
 * The id carries its index (xor a per-tenant mask) in its first eight hex digits, so a lookup by
 * id is one generation instead of a scan of every sign-in, and still looks like any other GUID.
 */
export function signInIdFor(seed: number, index: number, randomGuid: string): string {
  const head = ((index ^ mix32(seed, 0x51d)) >>> 0).toString(16).padStart(8, '0');
  return head + randomGuid.slice(8);
}

export function signInIndexFromId(seed: number, id: string): number | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return (Number.parseInt(id.slice(0, 8), 16) ^ mix32(seed, 0x51d)) >>> 0;
}

export function isRiskyIndex(i: number): boolean {
  return i % RISK_EVERY === RISK_OFFSET;
}

export interface SignInContext {
  readonly seed: number;
  readonly timeline: Timeline;
  readonly tenantId: string;
  readonly license: License;
  readonly users: readonly DirectoryUser[];
  /** Users who carry risk; risky sign-in k belongs to riskyUsers[k % length]. */
  readonly riskyUsers: readonly DirectoryUser[];
  readonly vocab: Vocabulary;
}

export interface AppliedPolicy {
  id: string;
  displayName: string;
  enforcedGrantControls: string[];
  enforcedSessionControls: string[];
  result: string;
}

/** The full record; the Graph layer shapes it per API version and caller permissions. */
export interface SignInRecord {
  readonly index: number;
  readonly eventType: SignInEventType;
  readonly json: Record<string, unknown>;
  readonly createdMs: number;
  readonly riskEventType?: string;
  /** Set on the demo story's records: whether MFA was satisfied, the story's flow, and beta fields that tell the story. */
  readonly story?: { readonly mfa: boolean; readonly flow?: string; readonly beta: Readonly<Record<string, unknown>> };
}

function pickEventType(rng: Rng, risky: boolean): SignInEventType {
  if (risky) return rng.chance(0.8) ? 'interactiveUser' : 'nonInteractiveUser';
  return rng.weighted<SignInEventType>([
    ['interactiveUser', 50],
    ['nonInteractiveUser', 35],
    ['servicePrincipal', 10],
    ['managedIdentity', 5],
  ]);
}

function outcomeFor(rng: Rng, workload: boolean): Outcome {
  const table = workload ? WORKLOAD_OUTCOMES : OUTCOMES;
  return rng.weighted(table.map((o) => [o, o.weight] as const));
}

/** Failures of the password itself (wrong, locked, expired, disabled): they end the sign-in before conditional access. */
const PRE_CA_FAILURES = new Set([50126, 50053, 50055, 50057]);

function policiesFor(rng: Rng, outcome: Outcome, clientApp: string, foreign: boolean, policies: readonly CaPolicy[]): { applied: AppliedPolicy[]; status: string } {
  const applied: AppliedPolicy[] = [];
  let anySuccess = false;
  let anyFailure = false;
  for (const p of policies) {
    let result: string;
    const legacy = clientApp !== 'Browser' && clientApp !== 'Mobile Apps and Desktop clients';
    const applies = p.coverage > 0 && rng.chance(p.coverage);
    if (p.coverage === 0) result = 'notEnabled';
    else if (p.reportOnly) {
      result = !applies ? 'reportOnlyNotApplied' : outcome.errorCode === 50074 ? 'reportOnlyInterrupted' : rng.chance(0.2) ? 'reportOnlyFailure' : 'reportOnlySuccess';
    } else if (outcome.errorCode === 53003 && ((p.displayName.startsWith('Block legacy') && legacy) || (p.displayName.startsWith('Block countries') && foreign) || (!anyFailure && p.grantControls.includes('Block')))) {
      result = 'failure';
    } else if (!applies) result = 'notApplied';
    else if (outcome.errorCode !== 0 && outcome.errorCode !== 53003 && rng.chance(0.3)) result = 'unknown';
    else result = 'success';
    if (result === 'failure') anyFailure = true;
    if (result === 'success') anySuccess = true;
    const enforced = result === 'success' || result === 'failure';
    applied.push({
      id: p.id,
      displayName: p.displayName,
      enforcedGrantControls: enforced || result.startsWith('reportOnly') ? [...p.grantControls] : [],
      enforcedSessionControls: enforced ? [...p.sessionControls] : [],
      result,
    });
  }
  if (PRE_CA_FAILURES.has(outcome.errorCode)) {
    // Primary authentication failed, so conditional access was never evaluated. The results above
    // were still drawn, which keeps every later random draw of this sign-in where it was.
    for (const a of applied) {
      a.result = a.result === 'notEnabled' ? 'notEnabled' : a.result.startsWith('reportOnly') ? 'reportOnlyNotApplied' : 'notApplied';
      a.enforcedGrantControls = [];
      a.enforcedSessionControls = [];
    }
    return { applied, status: 'notApplied' };
  }
  const status = anyFailure ? 'failure' : anySuccess ? 'success' : 'notApplied';
  return { applied, status };
}

export function signInAt(ctx: SignInContext, index: number): SignInRecord {
  const rng = Rng.for(ctx.seed, STREAM.signIn, index);
  const risky = isRiskyIndex(index);
  const eventType = pickEventType(rng, risky);
  const workload = eventType === 'servicePrincipal' || eventType === 'managedIdentity';
  const createdMs = timeAt(ctx.seed, STREAM.signIn, ctx.timeline, index);
  const id = signInIdFor(ctx.seed, index, rng.guid());
  const correlationId = rng.guid();
  const outcome = outcomeFor(rng, workload);
  const hidden = ctx.license !== 'P2';
  const resource = rng.pick(RESOURCES);
  // Each record is one object literal with a fixed shape: spreading a shared base and then adding
  // properties made V8 fall back to slow dictionary objects (a 4x cost at a million records).
  const createdDateTime = isoTime(createdMs);
  const status = { errorCode: outcome.errorCode, failureReason: outcome.failureReason, additionalDetails: outcome.additionalDetails };

  if (workload) {
    const candidates = ctx.vocab.workloads.filter((w) => w.managed === (eventType === 'managedIdentity'));
    const w = rng.pick(candidates);
    const place = PLACES[rng.int(4)];
    return {
      index,
      eventType,
      createdMs,
      json: signInJson({
        id,
        createdDateTime,
        correlationId,
        resource,
        tenantId: ctx.tenantId,
        status,
        principal: { kind: 'workload', appId: w.appId, displayName: w.displayName, servicePrincipalId: w.servicePrincipalId },
        ipAddress: rng.ipv4(),
        conditionalAccessStatus: 'notApplied',
        appliedConditionalAccessPolicies: [],
        riskHidden: hidden,
        risk: { detail: 'none', level: 'none', state: 'none', eventTypes: [], eventTypesV2: [] },
        deviceDetail: { deviceId: '', displayName: null, operatingSystem: null, browser: null, isCompliant: null, isManaged: null, trustType: null },
        place,
      }),
    };
  }

  const user = risky ? ctx.riskyUsers[((index - RISK_OFFSET) / RISK_EVERY) % ctx.riskyUsers.length] : ctx.users[rng.int(ctx.users.length)];
  const foreign = risky ? rng.chance(0.7) : rng.chance(0.05);
  const place = foreign ? PLACES[4 + rng.int(PLACES.length - 4)] : PLACES[user.homePlace];
  const app = rng.pick(ctx.vocab.apps);
  const clientApp = rng.weighted<string>(CLIENT_APPS.map((c, k) => [c, k < 2 ? 45 : 2] as const));
  const { applied, status: caStatus } = policiesFor(rng, outcome, clientApp, foreign, ctx.vocab.policies);
  // One device: its operating system, browser and user agent agree.
  const device = rng.pick(ctx.vocab.devices);
  const os = device.operatingSystem;
  const managed = device.manageable && rng.chance(0.75);
  const riskEventType = risky ? rng.pick(RISK_EVENT_TYPES) : undefined;
  const riskLevel = risky ? rng.weighted<string>([['low', 2], ['medium', 5], ['high', 3]]) : 'none';
  const riskState = risky ? rng.weighted<string>([['atRisk', 6], ['remediated', 2], ['dismissed', 1], ['confirmedCompromised', 1]]) : 'none';
  const riskDetail = riskState === 'remediated' ? 'userPassedMFADrivenByRiskBasedPolicy' : riskState === 'dismissed' ? 'adminDismissedAllRiskForUser' : riskState === 'confirmedCompromised' ? 'adminConfirmedUserCompromised' : 'none';
  return {
    index,
    eventType,
    createdMs,
    riskEventType,
    json: signInJson({
      id,
      createdDateTime,
      correlationId,
      resource,
      tenantId: ctx.tenantId,
      status,
      principal: { kind: 'user', displayName: user.displayName, userPrincipalName: user.userPrincipalName, id: user.id, appId: app.appId, appDisplayName: app.displayName, clientAppUsed: clientApp, userAgent: device.userAgent, isInteractive: eventType === 'interactiveUser' },
      ipAddress: foreign && risky ? `185.220.${rng.int(256)}.${rng.range(1, 254)}` : rng.ipv4(),
      conditionalAccessStatus: caStatus,
      appliedConditionalAccessPolicies: applied,
      riskHidden: hidden,
      risk: { detail: riskDetail, level: riskLevel, state: riskState, eventTypes: riskEventType && RISK_LEGACY_ENUM.has(riskEventType) ? [riskEventType] : [], eventTypesV2: riskEventType ? [riskEventType] : [] },
      deviceDetail: {
        deviceId: managed ? rng.guid() : '',
        displayName: managed ? `${user.displayName.slice(0, 12).replace(/\s/g, '')}-PC${rng.int(100)}` : null,
        operatingSystem: os,
        browser: device.browser,
        isCompliant: managed ? rng.chance(0.85) : false,
        isManaged: managed,
        trustType: managed ? rng.pick(TRUST_TYPES.slice(0, 3)) : TRUST_TYPES[3],
      },
      place,
    }),
  };
}
