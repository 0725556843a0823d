/**
 * The sign-in fields only the beta endpoint returns: authentication steps and requirement, the
 * protocol and token fields that expose token theft, session and network. The demo story's records
 * carry their own values (SignInRecord.story), which win.
 */
import { mix32, Rng, STREAM } from '../random';
import { type SignInRecord } from './signIns';

/** Consumer and business networks the background's addresses are attributed to (real, public AS numbers). */
const ISP_ASNS = [7922, 7018, 701, 20115, 22773, 2856, 3320, 3215, 5089, 6830] as const;

/** A stable network for an address: the same address always maps to the same AS number. */
export function asnFor(ip: string): number {
  const [a, b] = ip.split('.').map(Number);
  return ISP_ASNS[mix32(a, b) % ISP_ASNS.length];
}

/** The protocol fields of a generated sign-in: browser and desktop sign-ins, token refreshes, app credentials. */
function protocolOf(record: SignInRecord, managed: boolean): { authenticationProtocol: string; incomingTokenType: string } {
  const j = record.json;
  if (record.eventType === 'nonInteractiveUser') return { authenticationProtocol: 'none', incomingTokenType: managed ? 'primaryRefreshToken' : 'refreshToken' };
  if (j.userAgent === 'BAV2ROPC') return { authenticationProtocol: 'ropc', incomingTokenType: 'none' };
  return { authenticationProtocol: 'none', incomingTokenType: 'none' };
}

/** Fields only the beta endpoint returns. */
export function betaExtras(record: SignInRecord): Record<string, unknown> {
  const j = record.json;
  const status = j.status as { errorCode: number };
  const rng = Rng.for(mix32(record.index), STREAM.signIn, 7);
  const mfa = record.story?.mfa ?? (status.errorCode === 0 && record.eventType === 'interactiveUser' ? rng.chance(0.7) : false);
  const steps: Record<string, unknown>[] = [];
  let credential = 'none';
  if (record.eventType === 'interactiveUser') {
    steps.push({ authenticationStepDateTime: j.createdDateTime, authenticationMethod: 'Password', authenticationMethodDetail: 'Password in the cloud', succeeded: status.errorCode !== 50126 && status.errorCode !== 50053, authenticationStepResultDetail: status.errorCode === 50126 ? 'Invalid username or password' : status.errorCode === 50053 ? 'Account is locked' : 'Correct password', authenticationStepRequirement: 'Primary authentication' });
    if (mfa || status.errorCode === 500121 || status.errorCode === 50074) {
      steps.push({ authenticationStepDateTime: j.createdDateTime, authenticationMethod: 'Mobile app notification', authenticationMethodDetail: null, succeeded: status.errorCode === 0, authenticationStepResultDetail: status.errorCode === 500121 ? 'MFA denied; user declined the authentication' : status.errorCode === 50074 ? 'MFA required in Azure AD' : 'MFA successfully completed', authenticationStepRequirement: 'Multi-factor authentication' });
    }
  } else if (record.eventType === 'nonInteractiveUser') {
    steps.push({ authenticationStepDateTime: j.createdDateTime, authenticationMethod: 'Previously satisfied', authenticationMethodDetail: null, succeeded: status.errorCode === 0, authenticationStepResultDetail: 'First factor requirement satisfied by claim in the token', authenticationStepRequirement: 'Primary authentication' });
  } else {
    credential = record.eventType === 'managedIdentity' ? 'managedIdentity' : rng.chance(0.5) ? 'clientSecret' : 'certificate';
    const method = credential === 'managedIdentity' ? 'Managed identity' : credential === 'clientSecret' ? 'Client secret' : 'Client certificate';
    steps.push({ authenticationStepDateTime: j.createdDateTime, authenticationMethod: method, authenticationMethodDetail: null, succeeded: status.errorCode === 0, authenticationStepResultDetail: null, authenticationStepRequirement: 'Primary authentication' });
  }
  const user = record.eventType === 'interactiveUser' || record.eventType === 'nonInteractiveUser';
  const device = j.deviceDetail as { isManaged?: boolean | null } | null;
  const createdDay = Math.floor(record.createdMs / 86_400_000);
  // One session per user and day for the background; the story's flows carry their own.
  const sessionId = user ? sessionGuid(String(j.userId), createdDay) : null;
  // Token protection binds a session to a managed Windows device; everything else is unbound.
  const device_ = j.deviceDetail as { isManaged?: boolean | null; operatingSystem?: string } | null;
  const bound = user && device_?.isManaged === true && String(device_.operatingSystem ?? '').startsWith('Windows');
  const protection = user ? (bound ? 'bound' : 'unbound') : 'none';
  return {
    signInEventTypes: [record.eventType],
    authenticationRequirement: mfa || status.errorCode === 50074 ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
    authenticationDetails: steps,
    ...(user ? protocolOf(record, device?.isManaged === true) : { authenticationProtocol: 'none', incomingTokenType: 'none' }),
    originalTransferMethod: 'none',
    signInTokenProtectionStatus: protection,
    tokenProtectionStatusDetails: { signInSessionStatus: protection, signInSessionStatusCode: null },
    clientCredentialType: credential,
    authenticationProcessingDetails: user ? [{ key: 'Is CAE Token', value: rng.chance(0.6) ? 'True' : 'False' }] : [],
    sessionId,
    autonomousSystemNumber: asnFor(String(j.ipAddress)),
    userType: typeof j.userPrincipalName === 'string' && j.userPrincipalName.includes('#EXT#') ? 'guest' : 'member',
    tokenIssuerType: 'AzureAD',
    crossTenantAccessType: 'none',
    uniqueTokenIdentifier: Buffer.from(String(j.id)).toString('base64url').slice(0, 22),
    originalRequestId: j.id,
    ...record.story?.beta,
  };
}

function sessionGuid(userId: string, day: number): string {
  const h = mix32(Number.parseInt(userId.slice(0, 8), 16) || 0, day, Number.parseInt(userId.slice(-8), 16) || 0);
  const word = (k: number) => (mix32(h, k) >>> 0).toString(16).padStart(8, '0');
  const [a, b, c, d] = [word(1), word(2), word(3), word(4)];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-b${c.slice(1, 4)}-${c.slice(4)}${d}`;
}
