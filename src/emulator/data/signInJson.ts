/**
 * A sign-in record as Graph sends it, built in one place: generated sign-ins (users and workloads)
 * and the story's sign-ins have the same keys in the same order, so none can drift from the others.
 * It returns one object literal of a fixed shape (no spread): V8 keeps a million of them fast.
 */
import { type Place } from './tables';

/** Who signed in: a user through an app, or a workload (service principal, managed identity). */
export type SignInPrincipal =
  | { readonly kind: 'user'; readonly displayName: string; readonly userPrincipalName: string; readonly id: string; readonly appId: string; readonly appDisplayName: string; readonly clientAppUsed: string; readonly userAgent: string; readonly isInteractive: boolean }
  | { readonly kind: 'workload'; readonly appId: string; readonly displayName: string; readonly servicePrincipalId: string };

export interface SignInParts {
  readonly id: string;
  readonly createdDateTime: string;
  readonly correlationId: string;
  readonly resource: { readonly displayName: string; readonly appId: string };
  readonly tenantId: string;
  readonly status: { readonly errorCode: number; readonly failureReason: string; readonly additionalDetails: string | null };
  readonly principal: SignInPrincipal;
  readonly ipAddress: string;
  readonly conditionalAccessStatus: string;
  readonly appliedConditionalAccessPolicies: readonly unknown[];
  /** Without Entra ID P2 the risk fields read "hidden". */
  readonly riskHidden: boolean;
  readonly risk: { readonly detail: string; readonly level: string; readonly state: string; readonly eventTypes: readonly string[]; readonly eventTypesV2: readonly string[] };
  readonly deviceDetail: { readonly deviceId: string; readonly displayName: string | null; readonly operatingSystem: string | null; readonly browser: string | null; readonly isCompliant: boolean | null; readonly isManaged: boolean | null; readonly trustType: string | null };
  readonly place: Place;
}

export const locationOf = (place: Place) => ({ city: place.city, state: place.state, countryOrRegion: place.countryOrRegion, geoCoordinates: { altitude: null, latitude: place.latitude, longitude: place.longitude } });

export function signInJson(p: SignInParts): Record<string, unknown> {
  const user = p.principal.kind === 'user' ? p.principal : undefined;
  const workload = p.principal.kind === 'workload' ? p.principal : undefined;
  return {
    id: p.id,
    createdDateTime: p.createdDateTime,
    correlationId: p.correlationId,
    resourceDisplayName: p.resource.displayName,
    resourceId: p.resource.appId,
    resourceTenantId: p.tenantId,
    homeTenantId: p.tenantId,
    status: p.status,
    userDisplayName: user ? user.displayName : null,
    userPrincipalName: user ? user.userPrincipalName : null,
    userId: user ? user.id : '',
    appId: p.principal.appId,
    appDisplayName: user ? user.appDisplayName : p.principal.displayName,
    servicePrincipalId: workload ? workload.servicePrincipalId : null,
    servicePrincipalName: workload ? workload.displayName : null,
    ipAddress: p.ipAddress,
    clientAppUsed: user ? user.clientAppUsed : null,
    userAgent: user ? user.userAgent : null,
    isInteractive: user ? user.isInteractive : false,
    conditionalAccessStatus: p.conditionalAccessStatus,
    appliedConditionalAccessPolicies: p.appliedConditionalAccessPolicies,
    riskDetail: p.riskHidden ? 'hidden' : p.risk.detail,
    riskLevelAggregated: p.riskHidden ? 'hidden' : p.risk.level,
    riskLevelDuringSignIn: p.riskHidden ? 'hidden' : p.risk.level,
    riskState: p.risk.state,
    riskEventTypes: p.risk.eventTypes,
    riskEventTypes_v2: p.risk.eventTypesV2,
    deviceDetail: p.deviceDetail,
    location: locationOf(p.place),
    authenticationAppDeviceDetails: null,
  };
}
