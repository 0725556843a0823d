/**
 * What the fake workspace's MicrosoftGraphActivityLogs holds: the requests made to Graph with the
 * tokens the tenant's sign-ins issued. Every successful sign-in to Microsoft Graph is followed, within
 * the token's lifetime, by a few requests from the same address, carrying the sign-in's
 * uniqueTokenIdentifier as SignInActivityId (API-FACTS 7). The demo story's stolen tokens are used
 * by the attacker's script: the device-code phish's token (issued to the attacker's device, though
 * the victim signed in at home) and the refreshed ones read mail, list the directory and add an
 * inbox rule, from the attacker's address.
 */
import { mix32, Rng, STREAM } from '../random';
import { betaExtras } from './signInBeta';
import { type SignInRecord } from './signIns';
import { STORY_NETWORKS } from './story';
import { type TenantData } from './dataset';
import { type WorkspaceColumn } from './workspaceRows';

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** A token is used for up to this long after the sign-in that issued it (an access token's usual life). */
export const TOKEN_USE_MS = 75 * 60_000;

type Call = readonly [method: string, path: string, status: number, bytes: number];

const USER_CALLS: readonly Call[] = [
  ['GET', '/v1.0/me', 200, 1_250],
  ['GET', '/v1.0/me/messages?$top=10&$select=subject,from,receivedDateTime', 200, 18_400],
  ['GET', '/v1.0/me/events?$top=5&$orderby=start/dateTime', 200, 6_100],
  ['GET', '/v1.0/me/joinedTeams', 200, 3_900],
  ['GET', '/v1.0/me/drive/recent', 200, 9_300],
  ['GET', '/v1.0/me/photo/$value', 404, 240],
  ['PATCH', '/v1.0/me/messages/AAMkAGI2TG93AAA=', 200, 2_100],
];
const APP_CALLS: readonly Call[] = [
  ['GET', '/v1.0/users?$top=100&$select=id,displayName,mail', 200, 52_000],
  ['GET', '/v1.0/groups?$top=100&$select=id,displayName', 200, 41_000],
  ['GET', '/v1.0/sites/root', 200, 3_200],
  ['POST', '/v1.0/subscriptions', 201, 900],
  ['GET', '/v1.0/users/delta', 429, 310],
];
/** The attacker's script with a stolen token: who am I, the mail, the directory, then hide the replies. */
export const ATTACKER_CALLS: readonly Call[] = [
  ['GET', '/v1.0/me', 200, 1_250],
  ['GET', '/v1.0/me/messages?$top=100&$select=subject,from,bodyPreview', 200, 212_000],
  ['GET', '/v1.0/me/messages?$search="invoice OR payment OR wire"', 200, 64_000],
  ['GET', '/v1.0/users?$top=999&$select=displayName,mail,jobTitle', 200, 398_000],
  ['POST', '/v1.0/me/mailFolders/inbox/messageRules', 201, 1_100],
  ['GET', '/v1.0/me/drive/root/children', 200, 14_500],
];

export const GRAPH_ACTIVITY_COLUMNS: readonly WorkspaceColumn[] = [
  ...['TenantId', 'AadTenantId', 'Type', 'SourceSystem', 'Location', 'RequestId', 'OperationId', 'ClientRequestId', 'ApiVersion', 'RequestMethod', 'RequestUri', 'IPAddress', 'UserAgent'].map((name) => ({ name, type: 'string' as const })),
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'TokenIssuedAt', type: 'datetime' },
  ...['ResponseStatusCode', 'DurationMs', 'ResponseSizeBytes', 'ClientAuthMethod'].map((name) => ({ name, type: 'int' as const })),
  ...['AppId', 'UserId', 'ServicePrincipalId', 'SignInActivityId', 'Scopes', 'Roles', 'Wids', 'IdentityProvider', 'DeviceId'].map((name) => ({ name, type: 'string' as const })),
];

/** Whose hands the sign-in's token is in: the attacker's for the story's stolen ones, its own client's otherwise. */
function holder(record: SignInRecord): { readonly stolen: boolean; readonly address: string } {
  const ip = String(record.json.ipAddress ?? '');
  const flow = record.story?.flow;
  // A device-code sign-in hands its token to whoever polls for it: the phisher, wherever the victim was.
  if (flow === 'phish' && record.eventType === 'interactiveUser') return { stolen: true, address: STORY_NETWORKS.phish.address() };
  if ((flow === 'phish' || flow === 'fatigue') && record.eventType === 'nonInteractiveUser') return { stolen: true, address: ip };
  return { stolen: false, address: ip };
}

/** The requests made with one sign-in's token, in time order (none for a failed sign-in or another resource's token). */
export function graphRequestsOf(record: SignInRecord, tenantId: string): Record<string, unknown>[] {
  const j = record.json;
  const status = j.status as { errorCode?: unknown } | undefined;
  if (j.resourceId !== GRAPH_APP_ID || status?.errorCode !== 0) return [];
  // The workspace's history reuses Graph's indexes: the second keeps their requests apart.
  const rng = Rng.for(mix32(record.index, Math.floor(record.createdMs / 1000)), STREAM.graphActivity, 0);
  const { stolen, address } = holder(record);
  const user = record.eventType === 'interactiveUser' || record.eventType === 'nonInteractiveUser';
  const calls = stolen ? ATTACKER_CALLS : Array.from({ length: rng.range(1, 3) }, () => rng.pick(user ? USER_CALLS : APP_CALLS));
  const token = String(betaExtras(record).uniqueTokenIdentifier ?? '');
  const device = j.deviceDetail as { deviceId?: unknown } | null;
  let at = record.createdMs + rng.range(2_000, 30_000);
  return calls.map(([method, path, code, bytes]) => {
    const requestId = rng.guid();
    const row = {
      TenantId: tenantId,
      AadTenantId: tenantId,
      Type: 'MicrosoftGraphActivityLogs',
      SourceSystem: 'Azure',
      Location: 'West Europe',
      RequestId: requestId,
      OperationId: requestId,
      ClientRequestId: rng.guid(),
      ApiVersion: path.split('/')[1],
      RequestMethod: method,
      RequestUri: `https://graph.microsoft.com${path}`,
      IPAddress: address,
      UserAgent: stolen ? 'python-requests/2.31.0' : String(j.userAgent ?? ''),
      TimeGenerated: at,
      TokenIssuedAt: record.createdMs,
      ResponseStatusCode: code,
      DurationMs: rng.range(40, 900),
      ResponseSizeBytes: bytes,
      ClientAuthMethod: user ? 0 : rng.chance(0.5) ? 1 : 2,
      AppId: String(j.appId ?? ''),
      UserId: user ? String(j.userId ?? '') : '',
      ServicePrincipalId: user ? '' : String(j.servicePrincipalId ?? ''),
      SignInActivityId: token,
      Scopes: user ? 'Mail.ReadWrite User.Read.All Files.Read.All openid profile' : '',
      Roles: user ? '' : 'User.Read.All Group.Read.All Sites.Read.All',
      Wids: '',
      IdentityProvider: `https://sts.windows.net/${tenantId}/`,
      DeviceId: typeof device?.deviceId === 'string' ? device.deviceId : '',
    };
    at += rng.range(3_000, stolen ? 90_000 : 600_000);
    return row;
  });
}

/** The requests Graph received in [fromMs, toMs]: those of the tokens issued up to a token's life before. */
export function* graphActivityRows(data: TenantData, tenantId: string, fromMs: number, toMs: number): Generator<Record<string, unknown>> {
  for (const record of data.workspaceSignIns(fromMs - TOKEN_USE_MS, toMs)) {
    for (const row of graphRequestsOf(record, tenantId)) {
      const at = row.TimeGenerated as number;
      if (at >= fromMs && at <= toMs) yield row;
    }
  }
}
