/**
 * A sign-in record → what the detail panel shows. Pure data: the webview renders every value as
 * text. Absent data is told apart from empty data (Graph leaves CA policies out for callers
 * without a policy permission, and reports risk as `hidden` without Entra ID P2).
 */
import { enumLabel } from '../catalog/labels';
import { signInActionsFor, type SignInVerdictAction } from '../records/signInRisk';
import { signInOutcome } from '../query/rows';
import { errorDocsUrl, signInError } from './aadsts';
import { networkQueries, type RelatedQuery, sessionQueries } from './relatedQueries';

export interface Field {
  readonly label: string;
  readonly value: string;
  /** Worth a copy button (ids). */
  readonly copy?: boolean;
}

export interface PolicyRow {
  readonly name: string;
  readonly id: string;
  /** The raw result (styling, tooltips, Copy) and its readable label. */
  readonly result: string;
  readonly resultLabel: string;
  readonly reportOnly: boolean;
  readonly grantControls: string;
  readonly sessionControls: string;
}

export interface AuthStep {
  readonly time: string;
  readonly method: string;
  readonly detail: string;
  readonly succeeded: string;
  readonly result: string;
  readonly requirement: string;
}


export interface Signal {
  readonly kind: 'deviceCode' | 'authenticationTransfer' | 'ropc' | 'refreshToken' | 'unboundToken';
  readonly title: string;
  readonly detail: string;
}

export interface SignInView {
  readonly id: string;
  readonly outcome: 'success' | 'interrupted' | 'failure' | 'unknown';
  readonly title: string;
  readonly user: string;
  /** The user's object id, when the sign-in is a user's (what a timeline is read by). */
  readonly userId: string;
  /** The session it belongs to (beta), whose timeline the panel offers. */
  readonly sessionId: string;
  /** The token the sign-in issued (its Graph requests are found by it in a workspace). */
  readonly tokenId: string;
  readonly app: string;
  readonly timeUtc: string;
  readonly timeMs: number;
  readonly errorCode: number | undefined;
  readonly errorMeaning: string;
  readonly errorDocs: string | undefined;
  readonly failureReason: string;
  readonly basic: readonly Field[];
  readonly location: readonly Field[];
  readonly coordinates: { readonly latitude: number; readonly longitude: number } | undefined;
  readonly device: readonly Field[];
  readonly authRequirement: string | undefined;
  readonly authSteps: readonly AuthStep[] | undefined;
  readonly caStatus: string;
  /** undefined: Graph left the property out (no policy permission). */
  readonly policies: readonly PolicyRow[] | undefined;
  /** Protocol, token transfer and type, token protection, session: what exposes token theft (beta). */
  readonly token: readonly Field[];
  /** What stands out about this sign-in, each with why it matters. */
  readonly signals: readonly Signal[];
  readonly risk: readonly Field[];
  readonly riskHidden: boolean;
  /** The verdicts an admin can give this sign-in (none when it carries no risk). */
  readonly riskActions: readonly SignInVerdictAction[];
  readonly related: readonly RelatedQuery[];
}

/** "Workspace 9000… · table SigninLogs · received 2026-12-01T10:00:05Z", or '' for a Graph record. */
function workspaceSourceText(v: unknown): string {
  if (typeof v !== 'object' || v === null) return '';
  const w = v as { workspaceId?: unknown; workspaceName?: unknown; table?: unknown; timeGenerated?: unknown };
  if (typeof w.workspaceId !== 'string' || typeof w.table !== 'string') return '';
  const workspace = typeof w.workspaceName === 'string' && w.workspaceName !== '' ? `workspace ${w.workspaceName} (${w.workspaceId})` : `workspace ${w.workspaceId}`;
  return `${workspace} · table ${w.table}${typeof w.timeGenerated === 'string' ? ` · received ${w.timeGenerated}` : ''}`;
}

const s = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
/** An enum value in words (the raw value is in the record's JSON and exports). */
const label = (v: unknown): string => (typeof v === 'string' ? enumLabel(v) : s(v));
const yesNo = (v: unknown): string => (v === true ? 'Yes' : v === false ? 'No' : '');

/** The protocol, token and session fields, in the order an investigation reads them. */
function tokenFields(r: Record<string, unknown>): Field[] {
  const protection = obj(r.tokenProtectionStatusDetails);
  const processing = Array.isArray(r.authenticationProcessingDetails) ? r.authenticationProcessingDetails.map(obj) : [];
  const cae = processing.find((p) => p.key === 'Is CAE Token');
  const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x !== null ? s(obj(x).requirementType ?? obj(x).detail ?? x) : label(x))).filter((x) => x !== '').join(', ') : '');
  return [
    { label: 'Authentication protocol', value: label(r.authenticationProtocol) },
    { label: 'Original transfer method', value: label(r.originalTransferMethod) },
    { label: 'Incoming token', value: label(r.incomingTokenType) },
    { label: 'Token protection (sign-in session)', value: [label(r.signInTokenProtectionStatus), s(protection.signInSessionStatusCode) ? `code ${s(protection.signInSessionStatusCode)}` : ''].filter((x) => x !== '').join(' · ') },
    { label: 'Token protection (app)', value: label(r.appTokenProtectionStatus) },
    { label: 'Continuous access evaluation', value: cae ? s(cae.value) : '' },
    { label: 'Client credential', value: label(r.clientCredentialType) },
    { label: 'Methods used', value: list(r.authenticationMethodsUsed) },
    { label: 'Requirement set by', value: list(r.authenticationRequirementPolicies) },
    { label: 'Session id', value: s(r.sessionId), copy: true },
    { label: 'Unique token identifier', value: s(r.uniqueTokenIdentifier), copy: true },
    { label: 'Original request id', value: r.originalRequestId === r.id ? '' : s(r.originalRequestId), copy: true },
    { label: 'Client session id', value: s(r.clientSessionId), copy: true },
  ].filter((f) => f.value !== '' && f.value !== 'None');
}

/** Failures first, then interruptions of report-only policies, then successes, then the rest. */
const RESULT_ORDER: Record<string, number> = { failure: 0, reportOnlyFailure: 1, reportOnlyInterrupted: 2, success: 3, reportOnlySuccess: 4, unknown: 5, notApplied: 6, reportOnlyNotApplied: 7, notEnabled: 8 };

export function signInView(r: Record<string, unknown>): SignInView {
  const status = obj(r.status);
  const code = typeof status.errorCode === 'number' ? status.errorCode : undefined;
  const outcome = signInOutcome(code);
  const known = code !== undefined ? signInError(code) : undefined;
  const location = obj(r.location);
  const geo = obj(location.geoCoordinates);
  const device = obj(r.deviceDetail);
  const timeMs = Date.parse(s(r.createdDateTime));
  const policiesRaw = r.appliedConditionalAccessPolicies;
  const policies = Array.isArray(policiesRaw)
    ? policiesRaw
        .map((p) => {
          const o = obj(p);
          const result = s(o.result);
          return {
            name: s(o.displayName),
            id: s(o.id),
            result,
            resultLabel: enumLabel(result),
            reportOnly: result.startsWith('reportOnly'),
            grantControls: Array.isArray(o.enforcedGrantControls) ? o.enforcedGrantControls.map(s).join(', ') : '',
            sessionControls: Array.isArray(o.enforcedSessionControls) ? o.enforcedSessionControls.map(s).join(', ') : '',
          };
        })
        .sort((a, b) => (RESULT_ORDER[a.result] ?? 9) - (RESULT_ORDER[b.result] ?? 9) || a.name.localeCompare(b.name))
    : undefined;
  const steps = Array.isArray(r.authenticationDetails)
    ? r.authenticationDetails.map((d) => {
        const o = obj(d);
        return { time: s(o.authenticationStepDateTime), method: s(o.authenticationMethod), detail: s(o.authenticationMethodDetail), succeeded: yesNo(o.succeeded), result: s(o.authenticationStepResultDetail), requirement: s(o.authenticationStepRequirement) };
      })
    : undefined;
  const riskValues = [r.riskLevelDuringSignIn, r.riskLevelAggregated, r.riskDetail];
  const riskHidden = riskValues.some((v) => v === 'hidden');
  const hiddenNote = (v: unknown) => (v === 'hidden' ? 'Hidden (needs Microsoft Entra ID P2)' : label(v));
  const user = s(r.userPrincipalName) || s(r.servicePrincipalName) || s(r.userDisplayName);
  const userId = s(r.userId);
  const related: RelatedQuery[] = [];
  const who = user ? { valueLabel: user } : {};
  if (userId) related.push({ label: 'This user’s other sign-ins, last 24 hours', category: 'signIns.interactive', clauses: [{ field: 'userId', op: 'eq', values: [userId], ...who }], hours: 24 });
  if (r.correlationId) related.push({ label: 'Sign-ins with the same correlation id', category: 'signIns.interactive', clauses: [{ field: 'correlationId', op: 'eq', values: [s(r.correlationId)] }], hours: 'all' });
  if (r.id) related.push({ label: 'Risk detections for this request', category: 'riskDetections', clauses: [{ field: 'requestId', op: 'eq', values: [s(r.id)] }], hours: 'all' });
  if (userId) related.push({ label: 'Risky-user entry for this user', category: 'riskyUsers', clauses: [{ field: 'id', op: 'eq', values: [userId], ...who }], hours: 'all' });
  related.push(...sessionQueries(r));
  if (r.ipAddress) related.push({ label: 'Sign-ins from this IP address by any user, last 24 hours', category: 'signIns.interactive', clauses: [{ field: 'ipAddress', op: 'eq', values: [s(r.ipAddress)] }], hours: 24 });
  related.push(...networkQueries(r));
  if (userId && !Number.isNaN(timeMs)) related.push({ label: 'Directory audits by this user in the same hour', category: 'directoryAudits', clauses: [{ field: 'initiatedBy/user/id', op: 'eq', values: [userId], ...who }], hours: { fromMs: timeMs - 3_600_000, toMs: timeMs + 3_600_000 } });
  return {
    id: s(r.id),
    outcome,
    title: `${user || 'Sign-in'} → ${s(r.appDisplayName) || 'unknown app'}`,
    user,
    userId,
    sessionId: s(r.sessionId),
    tokenId: s(r.uniqueTokenIdentifier).trim(),
    app: s(r.appDisplayName),
    timeUtc: Number.isNaN(timeMs) ? s(r.createdDateTime) : new Date(timeMs).toISOString(),
    timeMs,
    errorCode: code,
    errorMeaning: known?.meaning ?? (code !== undefined && code !== 0 ? 'See the failure reason below.' : ''),
    errorDocs: code !== undefined && code !== 0 ? errorDocsUrl(code) : undefined,
    failureReason: s(status.failureReason) + (status.additionalDetails ? ` ${s(status.additionalDetails)}` : ''),
    basic: [
      { label: 'Request id', value: s(r.id), copy: true },
      { label: 'Correlation id', value: s(r.correlationId), copy: true },
      { label: 'User', value: s(r.userDisplayName) },
      { label: 'User principal name', value: s(r.userPrincipalName) },
      { label: 'User id', value: userId, copy: true },
      { label: 'Application', value: s(r.appDisplayName) },
      { label: 'Application id', value: s(r.appId), copy: true },
      { label: 'Service principal', value: s(r.servicePrincipalName) },
      { label: 'Resource', value: s(r.resourceDisplayName) },
      { label: 'Resource id', value: s(r.resourceId), copy: true },
      { label: 'Client app', value: s(r.clientAppUsed) },
      { label: 'Interactive', value: yesNo(r.isInteractive) },
      { label: 'Sign-in event type', value: Array.isArray(r.signInEventTypes) ? r.signInEventTypes.map(s).join(', ') : '' },
      { label: 'User type', value: label(r.userType) },
      { label: 'Cross-tenant access', value: r.crossTenantAccessType === 'none' ? '' : label(r.crossTenantAccessType) },
      { label: 'Home tenant', value: s(r.homeTenantId), copy: true },
      { label: 'Token issuer', value: s(r.tokenIssuerType) },
      { label: 'User agent', value: s(r.userAgent) },
      // A record read from a Log Analytics workspace says so: where, and when the workspace received it.
      { label: 'Read from', value: workspaceSourceText(r.workspaceSource) },
    ].filter((f) => f.value !== ''),
    location: [
      { label: 'IP address', value: s(r.ipAddress), copy: true },
      { label: 'City', value: s(location.city) },
      { label: 'State', value: s(location.state) },
      { label: 'Country or region', value: s(location.countryOrRegion) },
      { label: 'Autonomous system (ASN)', value: typeof r.autonomousSystemNumber === 'number' ? `AS${r.autonomousSystemNumber}` : s(r.autonomousSystemNumber) },
      { label: 'Through Global Secure Access', value: yesNo(r.isThroughGlobalSecureAccess) },
      { label: 'Global Secure Access IP address', value: s(r.globalSecureAccessIpAddress) },
      { label: 'IP address seen by the resource', value: s(r.ipAddressFromResourceProvider) },
      { label: 'Coordinates', value: typeof geo.latitude === 'number' && typeof geo.longitude === 'number' ? `${geo.latitude.toFixed(4)}, ${geo.longitude.toFixed(4)}` : '' },
    ].filter((f) => f.value !== ''),
    coordinates: typeof geo.latitude === 'number' && typeof geo.longitude === 'number' ? { latitude: geo.latitude, longitude: geo.longitude } : undefined,
    device: [
      { label: 'Operating system', value: s(device.operatingSystem) },
      { label: 'Browser', value: s(device.browser) },
      { label: 'Compliant', value: yesNo(device.isCompliant) },
      { label: 'Managed', value: yesNo(device.isManaged) },
      { label: 'Trust type', value: s(device.trustType) },
      { label: 'Device name', value: s(device.displayName) },
      { label: 'Device id', value: s(device.deviceId), copy: true },
    ].filter((f) => f.value !== ''),
    authRequirement: r.authenticationRequirement === undefined ? undefined : s(r.authenticationRequirement),
    authSteps: steps,
    caStatus: s(r.conditionalAccessStatus),
    policies,
    token: tokenFields(r),
    signals: signInSignals(r),
    risk: [
      { label: 'Risk level during sign-in', value: hiddenNote(r.riskLevelDuringSignIn) },
      { label: 'Aggregated risk level', value: hiddenNote(r.riskLevelAggregated) },
      { label: 'Risk state', value: label(r.riskState) },
      { label: 'Risk detail', value: hiddenNote(r.riskDetail) },
      { label: 'Risk event types', value: Array.isArray(r.riskEventTypes_v2) ? r.riskEventTypes_v2.map(label).join(', ') : '' },
    ].filter((f) => f.value !== ''),
    riskHidden,
    riskActions: signInActionsFor(r),
    related,
  };
}

/** What in a sign-in's protocol and token fields an investigator should see first, and why. */
export function signInSignals(r: Record<string, unknown>): Signal[] {
  const out: Signal[] = [];
  if (r.authenticationProtocol === 'deviceCode' || r.originalTransferMethod === 'deviceCodeFlow') {
    out.push({ kind: 'deviceCode', title: 'Device code flow', detail: 'The user entered a code shown by another device. Phishing uses this flow to have a victim sign in the attacker’s session: check the session’s later sign-ins for another network.' });
  }
  if (r.originalTransferMethod === 'authenticationTransfer') {
    out.push({ kind: 'authenticationTransfer', title: 'Authentication transfer', detail: 'The session was moved here from a device where the user was already signed in.' });
  }
  if (r.authenticationProtocol === 'ropc') {
    out.push({ kind: 'ropc', title: 'Password grant (ROPC)', detail: 'The app sent the user’s password itself: no multifactor authentication could be asked. Password sprays use this flow.' });
  }
  if (r.incomingTokenType === 'refreshToken' || r.incomingTokenType === 'primaryRefreshToken') {
    out.push({ kind: 'refreshToken', title: `${enumLabel(String(r.incomingTokenType))} redeemed`, detail: 'No credential was entered: an earlier sign-in’s token was used. From a network the session did not start on, the token may have been stolen.' });
  }
  if (r.signInTokenProtectionStatus === 'unbound') {
    out.push({ kind: 'unboundToken', title: 'Unbound token', detail: 'The session’s token is not bound to the device it was issued to: a stolen copy works elsewhere.' });
  }
  return out;
}
