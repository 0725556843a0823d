/**
 * Identity Protection data. Risk detection j belongs to risky sign-in RISK_OFFSET + j·RISK_EVERY, so
 * the two share requestId and correlationId. Risky users are a small mutable set: confirmCompromised
 * and dismiss change them and append history, as the real service does.
 */
import { type License } from '../config';
import { mix32, Rng, STREAM } from '../random';
import { type DirectoryUser } from './directory';
import { RISK_EVERY, RISK_OFFSET, type SignInRecord } from './signIns';
import { isoTime } from './timeline';

export function riskDetectionCount(signInCount: number): number {
  return signInCount > RISK_OFFSET ? Math.floor((signInCount - RISK_OFFSET - 1) / RISK_EVERY) + 1 : 0;
}

export function riskDetectionSignInIndex(j: number): number {
  return RISK_OFFSET + j * RISK_EVERY;
}

/** Risk detection ids are 64 hex digits; the first eight carry the index, as sign-in ids do. */
export function riskDetectionIdFor(seed: number, j: number, randomHex: string): string {
  return ((j ^ mix32(seed, 0x71a)) >>> 0).toString(16).padStart(8, '0') + randomHex.slice(8, 64);
}

export function riskDetectionIndexFromId(seed: number, id: string): number | undefined {
  if (!/^[0-9a-f]{64}$/i.test(id)) return undefined;
  return (Number.parseInt(id.slice(0, 8), 16) ^ mix32(seed, 0x71a)) >>> 0;
}

const OFFLINE_TYPES = new Set(['leakedCredentials', 'investigationsThreatIntelligence', 'passwordSpray', 'suspiciousInboxForwarding']);

/** `nowMs`: the data's present; a detection made later (offline ones take hours) shows as made by then. */
export function riskDetectionFrom(seed: number, j: number, signIn: SignInRecord, license: License, nowMs = Number.POSITIVE_INFINITY): Record<string, unknown> {
  const rng = Rng.for(seed, STREAM.riskDetection, j);
  const s = signIn.json;
  const type = signIn.riskEventType ?? 'unfamiliarFeatures';
  const timing = OFFLINE_TYPES.has(type) ? 'offline' : rng.chance(0.5) ? 'realtime' : 'nearRealtime';
  const delayMs = timing === 'offline' ? rng.range(2, 48) * 3_600_000 : timing === 'nearRealtime' ? rng.range(60, 900) * 1000 : rng.range(0, 5) * 1000;
  const p2 = license === 'P2';
  const location = s.location as Record<string, unknown>;
  return {
    id: riskDetectionIdFor(seed, j, rng.guid().replace(/-/g, '') + rng.guid().replace(/-/g, '')),
    requestId: s.id,
    correlationId: s.correlationId,
    riskEventType: type,
    riskState: s.riskState,
    riskLevel: p2 ? (s.riskLevelDuringSignIn === 'none' ? 'low' : s.riskLevelDuringSignIn) : 'hidden',
    riskDetail: p2 ? s.riskDetail : 'hidden',
    source: timing === 'offline' && type === 'leakedCredentials' ? 'IdentityProtection' : rng.pick(['IdentityProtection', 'MicrosoftCloudAppSecurity']),
    detectionTimingType: timing,
    activity: 'signin',
    tokenIssuerType: 'AzureAD',
    ipAddress: s.ipAddress,
    location: { city: location.city, state: location.state, countryOrRegion: location.countryOrRegion, geoCoordinates: location.geoCoordinates },
    activityDateTime: s.createdDateTime,
    detectedDateTime: isoTime(Math.min(nowMs, signIn.createdMs + delayMs)),
    lastUpdatedDateTime: isoTime(Math.min(nowMs, signIn.createdMs + delayMs + rng.range(0, 3600) * 1000)),
    userId: s.userId,
    userDisplayName: s.userDisplayName,
    userPrincipalName: s.userPrincipalName,
    additionalInfo: JSON.stringify([{ Key: 'userAgent', Value: s.userAgent }, { Key: 'alertUrl', Value: null }]),
  };
}

export interface RiskyUserState {
  id: string;
  userDisplayName: string;
  userPrincipalName: string;
  isDeleted: boolean;
  isProcessing: boolean;
  riskLevel: string;
  riskState: string;
  riskDetail: string;
  riskLastUpdatedDateTime: string;
  history: Record<string, unknown>[];
}

/** Users who carry risk: a deterministic subset that always includes a hostile display name. */
export function chooseRiskyUsers(users: readonly DirectoryUser[]): DirectoryUser[] {
  const chosen = users.filter((_, k) => k % 7 === 4 || k === 1);
  const hostile = users.find((u) => /[<>"']/.test(u.displayName));
  if (hostile && !chosen.includes(hostile)) chosen.push(hostile);
  return chosen.length > 0 ? chosen : users.slice(0, 1);
}

export function initialRiskyUsers(seed: number, users: readonly DirectoryUser[], anchorMs: number, license: License): RiskyUserState[] {
  return users.map((u, k) => {
    const rng = Rng.for(seed, STREAM.riskyUser, k);
    const state = rng.weighted<string>([['atRisk', 10], ['remediated', 3], ['dismissed', 2], ['confirmedCompromised', 1]]);
    const level = state === 'atRisk' ? rng.weighted<string>([['low', 3], ['medium', 4], ['high', 3]]) : state === 'confirmedCompromised' ? 'high' : 'none';
    const detail = state === 'remediated' ? rng.pick(['userPassedMFADrivenByRiskBasedPolicy', 'userPerformedSecuredPasswordReset']) : state === 'dismissed' ? 'adminDismissedAllRiskForUser' : state === 'confirmedCompromised' ? 'adminConfirmedUserCompromised' : 'none';
    const firstMs = anchorMs - rng.range(2, 6) * 86_400_000 - rng.int(86_400_000);
    const lastMs = state === 'atRisk' ? firstMs : firstMs + rng.range(1, 36) * 3_600_000;
    const hidden = license !== 'P2';
    const base = { id: u.id, userDisplayName: u.displayName, userPrincipalName: u.userPrincipalName, isDeleted: false, isProcessing: false };
    const history: Record<string, unknown>[] = [
      {
        ...base,
        id: u.id,
        userId: u.id,
        initiatedBy: null,
        riskLevel: hidden ? 'hidden' : state === 'atRisk' ? level : rng.pick(['medium', 'high']),
        riskState: 'atRisk',
        riskDetail: 'none',
        riskLastUpdatedDateTime: isoTime(firstMs),
        activity: { detail: 'none', riskEventTypes: [rng.pick(['unfamiliarFeatures', 'anonymizedIPAddress', 'leakedCredentials', 'unlikelyTravel'])] },
      },
    ];
    if (state !== 'atRisk') {
      history.push({
        ...base,
        id: u.id,
        userId: u.id,
        initiatedBy: state === 'remediated' ? null : 'a0000000-0000-4000-8000-000000000002',
        riskLevel: hidden ? 'hidden' : level,
        riskState: state,
        riskDetail: hidden ? 'hidden' : detail,
        riskLastUpdatedDateTime: isoTime(lastMs),
        activity: { detail: hidden ? 'hidden' : detail, riskEventTypes: [] },
      });
    }
    return {
      ...base,
      riskLevel: hidden ? 'hidden' : level,
      riskState: state,
      riskDetail: hidden ? 'hidden' : detail,
      riskLastUpdatedDateTime: isoTime(lastMs),
      history,
    };
  });
}

/**
 * What an admin's verdict on a risky sign-in leaves in the record (API-FACTS 7 riskDetail values),
 * and when it was given: the sign-in's risk detections show the verdict as their last update.
 */
export interface SignInVerdict {
  readonly riskState: string;
  readonly riskDetail: string;
  readonly riskLevelAggregated: string;
  readonly atMs?: number;
}

export function signInVerdict(action: RiskAction, hidden: boolean, atMs?: number): SignInVerdict {
  const detail = action === 'confirmCompromised' ? 'adminConfirmedSigninCompromised' : action === 'confirmSafe' ? 'adminConfirmedSigninSafe' : 'adminDismissedRiskForSignIn';
  const state = action === 'confirmCompromised' ? 'confirmedCompromised' : action === 'confirmSafe' ? 'confirmedSafe' : 'dismissed';
  return { riskState: state, riskDetail: hidden ? 'hidden' : detail, riskLevelAggregated: hidden ? 'hidden' : action === 'confirmCompromised' ? 'high' : 'none', ...(atMs !== undefined ? { atMs } : {}) };
}

/** Identity Protection's admin actions on a risky user or service principal (confirm safe: users only). */
export type RiskAction = 'confirmCompromised' | 'confirmSafe' | 'dismiss';

export function applyRiskAction(subject: RiskyUserState | RiskyServicePrincipalState, action: RiskAction, actorId: string, nowMs: number): void {
  const hidden = subject.riskLevel === 'hidden';
  const sp = 'appId' in subject;
  if (action === 'confirmCompromised') {
    subject.riskLevel = hidden ? 'hidden' : 'high';
    subject.riskState = 'confirmedCompromised';
    subject.riskDetail = hidden ? 'hidden' : sp ? 'adminConfirmedServicePrincipalCompromised' : 'adminConfirmedUserCompromised';
  } else if (action === 'confirmSafe') {
    // Graph: "sets the targeted user's risk level to none" (API-FACTS 7); the detail names the verdict.
    subject.riskLevel = hidden ? 'hidden' : 'none';
    subject.riskState = 'confirmedSafe';
    subject.riskDetail = hidden ? 'hidden' : 'adminConfirmedAccountSafe';
  } else {
    subject.riskLevel = hidden ? 'hidden' : 'none';
    subject.riskState = 'dismissed';
    subject.riskDetail = hidden ? 'hidden' : sp ? 'adminDismissedAllRiskForServicePrincipal' : 'adminDismissedAllRiskForUser';
  }
  subject.riskLastUpdatedDateTime = isoTime(nowMs);
  const { history: _history, ...current } = subject;
  subject.history.push({
    ...current,
    ...(sp ? {} : { userId: subject.id }),
    initiatedBy: actorId,
    activity: sp ? { detail: subject.riskDetail, riskEventTypes: [] } : { detail: subject.riskDetail, riskEventTypes: [] },
  });
}

export interface RiskyServicePrincipalState {
  id: string;
  appId: string;
  displayName: string;
  servicePrincipalType: string;
  isEnabled: boolean;
  isProcessing: boolean;
  riskLevel: string;
  riskState: string;
  riskDetail: string;
  riskLastUpdatedDateTime: string;
  history: Record<string, unknown>[];
}

/**
 * Workload identities at risk (riskyServicePrincipal). The real API needs a Workload ID Premium
 * licence; the fake tenant has no such licence field and uses P2 in its place.
 */
export function initialRiskyServicePrincipals(seed: number, workloads: readonly { appId: string; displayName: string; servicePrincipalId: string }[], anchorMs: number, license: License): RiskyServicePrincipalState[] {
  return workloads.map((w, k) => {
    const rng = Rng.for(seed, STREAM.riskyUser, 10_000 + k);
    const state = k === 0 ? 'atRisk' : rng.weighted<string>([['atRisk', 6], ['dismissed', 2], ['confirmedCompromised', 1]]);
    const level = state === 'atRisk' ? rng.weighted<string>([['low', 2], ['medium', 3], ['high', 3]]) : state === 'confirmedCompromised' ? 'high' : 'none';
    const detail = state === 'dismissed' ? 'adminDismissedAllRiskForServicePrincipal' : state === 'confirmedCompromised' ? 'adminConfirmedServicePrincipalCompromised' : 'none';
    const firstMs = anchorMs - rng.range(1, 6) * 86_400_000 - rng.int(86_400_000);
    const lastMs = state === 'atRisk' ? firstMs : firstMs + rng.range(1, 36) * 3_600_000;
    const hidden = license !== 'P2';
    const base = { id: w.servicePrincipalId, appId: w.appId, displayName: w.displayName, servicePrincipalType: 'Application', isEnabled: true, isProcessing: false };
    const history: Record<string, unknown>[] = [
      { ...base, initiatedBy: null, riskLevel: hidden ? 'hidden' : state === 'atRisk' ? level : 'high', riskState: 'atRisk', riskDetail: 'none', riskLastUpdatedDateTime: isoTime(firstMs), activity: { detail: 'none', riskEventTypes: [rng.pick(['suspiciousSignins', 'leakedCredentials', 'investigationsThreatIntelligence'])] } },
    ];
    if (state !== 'atRisk') history.push({ ...base, initiatedBy: 'a0000000-0000-4000-8000-000000000002', riskLevel: hidden ? 'hidden' : level, riskState: state, riskDetail: hidden ? 'hidden' : detail, riskLastUpdatedDateTime: isoTime(lastMs), activity: { detail: hidden ? 'hidden' : detail, riskEventTypes: [] } });
    return { ...base, riskLevel: hidden ? 'hidden' : level, riskState: state, riskDetail: hidden ? 'hidden' : detail, riskLastUpdatedDateTime: isoTime(lastMs), history };
  });
}

/** Where workload attacks come from in the fake tenant: cloud hosting regions. */
const SP_PLACES = [
  { city: 'Amsterdam', state: 'Noord-Holland', countryOrRegion: 'NL' },
  { city: 'Ashburn', state: 'Virginia', countryOrRegion: 'US' },
  { city: 'Singapore', state: 'Singapore', countryOrRegion: 'SG' },
] as const;
const SP_RISK_TYPES = ['investigationsThreatIntelligence', 'suspiciousSignins', 'leakedCredentials'] as const;

/**
 * A risky service principal's risk detections (servicePrincipalRiskDetection): one for the risk
 * event its history starts with, and for some principals an earlier one. Their state follows the
 * principal's (an admin's action on it closes them too).
 */
export function servicePrincipalDetections(seed: number, sp: RiskyServicePrincipalState, license: License): Record<string, unknown>[] {
  const rng = Rng.for(seed, STREAM.riskDetection, mix32(0x5e7, Number.parseInt(sp.id.slice(0, 8), 16) || 0));
  const first = sp.history[0] as { riskLastUpdatedDateTime?: string; activity?: { riskEventTypes?: string[] } } | undefined;
  const startMs = Date.parse(first?.riskLastUpdatedDateTime ?? sp.riskLastUpdatedDateTime);
  const p2 = license === 'P2';
  const count = 1 + rng.int(2);
  return Array.from({ length: count }, (_, k) => {
    const type = k === 0 ? (first?.activity?.riskEventTypes?.[0] ?? 'suspiciousSignins') : rng.pick(SP_RISK_TYPES);
    const activityMs = startMs - k * rng.range(6, 30) * 3_600_000 - 2 * 3_600_000;
    return {
      id: rng.guid().replace(/-/g, '') + rng.guid().replace(/-/g, '').slice(0, 16),
      requestId: rng.guid(),
      correlationId: rng.guid(),
      riskEventType: type,
      riskState: sp.riskState,
      riskLevel: p2 ? (sp.riskLevel === 'none' ? 'medium' : sp.riskLevel) : 'hidden',
      riskDetail: p2 ? sp.riskDetail : 'hidden',
      source: 'IdentityProtection',
      detectionTimingType: 'offline',
      activity: 'servicePrincipal',
      tokenIssuerType: 'AzureAD',
      ipAddress: rng.ipv4(),
      location: rng.pick(SP_PLACES),
      activityDateTime: isoTime(activityMs),
      detectedDateTime: isoTime(activityMs + 2 * 3_600_000),
      lastUpdatedDateTime: isoTime(activityMs + 2 * 3_600_000),
      servicePrincipalId: sp.id,
      servicePrincipalDisplayName: sp.displayName,
      appId: sp.appId,
      keyIds: type === 'leakedCredentials' ? [rng.guid()] : [],
      additionalInfo: JSON.stringify([{ Key: 'riskReasons', Value: type === 'leakedCredentials' ? ['A credential of this app was found in a public code repository'] : ['Sign-ins from an IP address seen in attacks'] }]),
    };
  });
}
