/**
 * The retired Azure AD Reports and Events API (graph.windows.net/{tenant}/reports/{name}, API-FACTS
 * section 6) and where each of its 32 reports lives today: a ready query in this extension, or a
 * short account of what replaced it (or that nothing did).
 */
import { type FilterModel } from '../odata/model';

export type LegacyTarget =
  | { readonly kind: 'query'; readonly category: string; readonly model: FilterModel; readonly note?: string }
  | { readonly kind: 'elsewhere'; readonly explanation: string };

export interface LegacyReport {
  readonly name: string;
  /** What the report held, in a few words. */
  readonly held: string;
  readonly target: LegacyTarget;
}

const ALL: FilterModel['time'] = { kind: 'all' };
const LAST_7_DAYS: FilterModel['time'] = { kind: 'last', hours: 168 };

const query = (category: string, clauses: FilterModel['clauses'] = [], note?: string, time: FilterModel['time'] = LAST_7_DAYS): LegacyTarget => ({ kind: 'query', category, model: { time, clauses, client: [] }, note });
const risk = (riskEventType: string, note?: string): LegacyTarget => query('riskDetections', [{ field: 'riskEventType', op: 'eq', values: [riskEventType] }], note, ALL);
const audits = (loggedByService: string, note?: string): LegacyTarget => query('directoryAudits', [{ field: 'loggedByService', op: 'eq', values: [loggedByService] }], note);
const elsewhere = (explanation: string): LegacyTarget => ({ kind: 'elsewhere', explanation });

const B2C_USAGE = 'Azure AD B2C usage counts are no longer a Graph report. Send the B2C tenant’s logs to Azure Monitor (diagnostic settings → Log Analytics) and use the B2C workbooks there.';
const B2C_JOURNEYS = 'User-journey events of B2C custom policies go to Application Insights now (the policy’s UserJourneyRecorder); there is no Graph report for them.';
const MIM = 'Microsoft Identity Manager hybrid reporting (MIM events shown in Azure AD) is retired; these events are only in MIM’s own service logs.';

export const LEGACY_REPORTS: readonly LegacyReport[] = [
  { name: 'auditEvents', held: 'directory audit events', target: query('directoryAudits') },
  { name: 'accountProvisioningEvents', held: 'account provisioning to SaaS apps', target: query('provisioning') },
  { name: 'signInsFromUnknownSourcesEvents', held: 'sign-ins from anonymous IP addresses (Tor, anonymising VPNs)', target: risk('anonymizedIPAddress') },
  { name: 'signInsFromIPAddressesWithSuspiciousActivityEvents', held: 'sign-ins from IP addresses with suspicious activity', target: risk('suspiciousIPAddress') },
  { name: 'signInsFromMultipleGeographiesEvents', held: 'sign-ins from places too far apart to travel between', target: risk('unlikelyTravel', 'Identity Protection calls this "atypical travel" (unlikelyTravel).') },
  { name: 'signInsFromPossiblyInfectedDevicesEvents', held: 'sign-ins from devices that may carry malware', target: risk('malwareInfectedIPAddress') },
  { name: 'irregularSignInActivityEvents', held: 'sign-ins with unusual properties for the user', target: risk('unfamiliarFeatures', 'Identity Protection calls this "unfamiliar sign-in properties".') },
  { name: 'allUsersWithAnomalousSignInActivityEvents', held: 'users with anomalous sign-in activity', target: query('riskyUsers', [], 'Risky users are the users Identity Protection flags; the Risky Users view triages them.', ALL) },
  { name: 'signInsAfterMultipleFailuresEvents', held: 'successful sign-ins after repeated failures', target: query('signIns.interactive', [{ field: 'status/errorCode', op: 'eq', values: [50126, 50053] }], 'No single report replaces it. This opens the repeated failures themselves (wrong password 50126, account locked 50053); a success from the same user and IP right after them is what the old report listed. Password spray also shows as a passwordSpray risk detection.') },
  { name: 'threatenedCredentials', held: 'credentials found leaked', target: risk('leakedCredentials') },
  { name: 'compromisedCredentials', held: 'users with leaked credentials', target: risk('leakedCredentials') },
  { name: 'ssprActivityEvents', held: 'self-service password reset activity', target: audits('Self-service Password Management') },
  { name: 'ssprRegistrationActivityEvents', held: 'registration for self-service password reset', target: audits('Authentication Methods', 'Registration of security info is logged by the Authentication Methods service.') },
  { name: 'ssgmGroupActivityEvents', held: 'self-service group management activity', target: audits('Self-service Group Management') },
  { name: 'groupActivitySummary', held: 'a summary of group changes', target: query('directoryAudits', [{ field: 'category', op: 'eq', values: ['GroupManagement'] }], 'The summary is gone; these are the group management audit events it summed up.') },
  { name: 'applicationUsageDetailEvents', held: 'sign-ins per application', target: query('signIns.interactive', [], 'Add an Application filter, or sort the grid by Application.') },
  { name: 'applicationUsageSummaryEvents', held: 'sign-in counts per application', target: query('signIns.interactive', [], 'There is no count report in Graph v1.0: the sign-ins are the data; sort or filter by Application.') },
  { name: 'applicationUsageSummary', held: 'application usage totals', target: query('signIns.interactive', [], 'There is no count report in Graph v1.0: the sign-ins are the data; sort or filter by Application.') },
  { name: 'userActivitySummary', held: 'sign-in activity per user', target: query('signIns.interactive', [], 'Filter by one user (UPN) to see their activity.') },
  { name: 'b2cAuthenticationEvent', held: 'Azure AD B2C authentications', target: query('signIns.interactive', [], 'Add the B2C tenant itself: its sign-ins are read like any tenant’s.') },
  { name: 'b2cMfaRequestEvent', held: 'Azure AD B2C MFA requests', target: query('signIns.interactive', [], 'Add the B2C tenant itself; the MFA steps are in each sign-in’s authentication details.') },
  { name: 'b2cAuthenticationCount', held: 'counts of B2C authentications', target: elsewhere(B2C_USAGE) },
  { name: 'b2cAuthenticationCountSummary', held: 'B2C authentication counts by day', target: elsewhere(B2C_USAGE) },
  { name: 'b2cMfaRequestCount', held: 'counts of B2C MFA requests', target: elsewhere(B2C_USAGE) },
  { name: 'b2cMfaRequestCountSummary', held: 'B2C MFA request counts by day', target: elsewhere(B2C_USAGE) },
  { name: 'b2cUserJourneyEvents', held: 'B2C custom policy user-journey steps', target: elsewhere(B2C_JOURNEYS) },
  { name: 'b2cUserJourneySummaryEvents', held: 'B2C user-journey summaries', target: elsewhere(B2C_JOURNEYS) },
  { name: 'tenantUserCount', held: 'the number of users in the tenant', target: elsewhere('Not a log: the number of users is GET /users/$count (with the header ConsistencyLevel: eventual and Directory.Read.All), outside this extension’s scope.') },
  { name: 'cloudAppDiscoveryEvents', held: 'Cloud App Discovery (shadow IT) events', target: elsewhere('Cloud App Discovery became Microsoft Defender for Cloud Apps; its discovery data lives there, not in Entra logs.') },
  { name: 'mimSsgmGroupActivityEvents', held: 'MIM self-service group management', target: elsewhere(MIM) },
  { name: 'mimSsprActivityEvents', held: 'MIM self-service password reset', target: elsewhere(MIM) },
  { name: 'mimSsprRegistrationActivityEvents', held: 'MIM password reset registration', target: elsewhere(MIM) },
];

/** `signInsFromUnknownSourcesEvents` → `sign ins from unknown sources events`. */
export function nameWords(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').toLowerCase();
}

/**
 * The reports a person means: an exact name, or every report whose name or description holds each
 * word typed ("unknown sources", "multiple geographies", "sspr registration"), in any order.
 */
export function findLegacyReports(text: string): LegacyReport[] {
  const exact = legacyReport(text);
  if (exact) return [exact];
  const words = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0) return [];
  return LEGACY_REPORTS.filter((r) => {
    const hay = `${nameWords(r.name)} ${r.name.toLowerCase()} ${r.held.toLowerCase()}`;
    return words.every((w) => hay.includes(w));
  });
}

export function legacyReport(name: string): LegacyReport | undefined {
  const n = name.trim().toLowerCase();
  return LEGACY_REPORTS.find((r) => r.name.toLowerCase() === n);
}
