/**
 * Office 365 Management Activity content: per content type, one blob per hour of activity, made
 * available ("contentCreated") 5–25 minutes after its hour ends. Audit.AzureActiveDirectory blobs
 * hold the logons of the same tenant's sign-ins (RecordType 15) and its directory audits
 * (RecordType 8). Records inside a blob are not in time order, and a few repeat in the next blob,
 * as the real feed does.
 */
import { Rng, STREAM } from '../random';
import { type Vocabulary } from './tables';

export const CONTENT_TYPES = ['Audit.AzureActiveDirectory', 'Audit.Exchange', 'Audit.SharePoint', 'Audit.General', 'DLP.All'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const BLOB_HOURS = 24 * 8;
const HOUR = 3_600_000;

export interface BlobInfo {
  readonly contentType: ContentType;
  readonly k: number;
  readonly contentId: string;
  readonly windowStartMs: number;
  readonly windowEndMs: number;
  readonly contentCreatedMs: number;
  readonly contentExpirationMs: number;
}

/** Blob k of a content type; k = 0 covers the last full hour before the anchor. */
export function blobInfo(seed: number, anchorMs: number, contentType: ContentType, k: number): BlobInfo {
  const t = CONTENT_TYPES.indexOf(contentType);
  const rng = Rng.for(seed, STREAM.o365, t * 100_000 + k);
  const hourEnd = Math.floor(anchorMs / HOUR) * HOUR - k * HOUR;
  const created = hourEnd + rng.range(5, 25) * 60_000 + rng.int(60_000);
  const stamp = new Date(hourEnd - HOUR).toISOString().replace(/[-:T]/g, '').slice(0, 12);
  return {
    contentType,
    k,
    contentId: `${stamp}${rng.guid().replace(/-/g, '').slice(0, 20)}$${stamp}${rng.guid().replace(/-/g, '').slice(0, 12)}$${contentType.replace('.', '_')}$${['na', 'emea', 'apac'][t % 3]}0019`,
    windowStartMs: hourEnd - HOUR,
    windowEndMs: hourEnd,
    contentCreatedMs: created,
    contentExpirationMs: created + 7 * 24 * HOUR,
  };
}

/** The O365 form of a time: no zone suffix. */
export function o365Time(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export interface O365Sources {
  readonly seed: number;
  readonly tenantId: string;
  readonly vocab: Vocabulary;
  /** User sign-ins in [startMs, endMs), newest first, at most `limit`. */
  signInsBetween(startMs: number, endMs: number, limit: number): Record<string, unknown>[];
  auditsBetween(startMs: number, endMs: number, limit: number): Record<string, unknown>[];
}

const LOGON_ERRORS: Record<number, string> = {
  50126: 'InvalidUserNameOrPassword',
  50074: 'UserStrongAuthClientAuthNRequiredInterrupt',
  50140: 'KmsiInterrupt',
  53003: 'BlockedByConditionalAccess',
  500121: 'AuthenticationFailedSasError',
  50053: 'IdsLocked',
  50076: 'UserStrongAuthClientAuthNRequired',
  50158: 'ExternalSecurityChallenge',
  50055: 'InvalidPasswordExpiredPassword',
  50057: 'UserAccountDisabled',
  70044: 'SessionExpiredOrInvalid',
};

function common(rng: Rng, tenantId: string, recordType: number, operation: string, workload: string, userId: string, ms: number, clientIp: string): Record<string, unknown> {
  return {
    Id: rng.guid(),
    RecordType: recordType,
    CreationTime: o365Time(ms),
    Operation: operation,
    OrganizationId: tenantId,
    UserType: 0,
    UserKey: rng.guid(),
    Workload: workload,
    UserId: userId,
    ClientIP: clientIp,
  };
}

function aadRecords(src: O365Sources, blob: BlobInfo): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of src.signInsBetween(blob.windowStartMs, blob.windowEndMs, 200)) {
    const status = s.status as { errorCode: number };
    const rng = Rng.for(src.seed, STREAM.o365, Number.parseInt(String(s.id).slice(0, 7), 16));
    const ms = Date.parse(String(s.createdDateTime));
    out.push({
      ...common(rng, src.tenantId, 15, status.errorCode === 0 ? 'UserLoggedIn' : 'UserLoginFailed', 'AzureActiveDirectory', String(s.userPrincipalName), ms, String(s.ipAddress)),
      Id: `${String(s.id).slice(0, 24)}${String(s.correlationId).slice(24)}`,
      ResultStatus: status.errorCode === 0 ? 'Success' : 'Failed',
      ObjectId: String(s.resourceId),
      AzureActiveDirectoryEventType: 1,
      ExtendedProperties: [
        { Name: 'ResultStatusDetail', Value: status.errorCode === 0 ? 'Success' : 'UserError' },
        { Name: 'UserAgent', Value: String(s.userAgent) },
        { Name: 'RequestType', Value: 'OAuth2:Authorize' },
      ],
      ModifiedProperties: [],
      Actor: [
        { ID: String(s.userId), Type: 0 },
        { ID: String(s.userPrincipalName), Type: 5 },
      ],
      ActorContextId: src.tenantId,
      ActorIpAddress: String(s.ipAddress),
      InterSystemsId: String(s.correlationId),
      IntraSystemId: String(s.id),
      SupportTicketId: '',
      Target: [{ ID: String(s.resourceId), Type: 0 }],
      TargetContextId: src.tenantId,
      ApplicationId: String(s.appId),
      ErrorCode: String(status.errorCode),
      ...(status.errorCode !== 0 ? { LogonError: LOGON_ERRORS[status.errorCode] ?? 'Other' } : {}),
    });
  }
  for (const a of src.auditsBetween(blob.windowStartMs, blob.windowEndMs, 50)) {
    const rng = Rng.for(src.seed, STREAM.o365, a.id === undefined ? 0 : String(a.id).length * 7919 + blob.k);
    const by = a.initiatedBy as { user: { userPrincipalName: string; id: string } | null; app: { displayName: string; appId: string } | null };
    const target = (a.targetResources as { id: string; displayName: string; modifiedProperties: { displayName: string; oldValue: string | null; newValue: string | null }[] }[])[0];
    out.push({
      ...common(rng, src.tenantId, 8, `${String(a.activityDisplayName)}.`, 'AzureActiveDirectory', by.user?.userPrincipalName ?? by.app?.displayName ?? 'ServicePrincipal', Date.parse(String(a.activityDateTime)), '<null>'),
      ResultStatus: a.result === 'success' ? 'Success' : 'Failure',
      ObjectId: target.id,
      AzureActiveDirectoryEventType: 1,
      ExtendedProperties: [{ Name: 'additionalDetails', Value: '{}' }, { Name: 'extendedAuditEventCategory', Value: String(a.category) }],
      ModifiedProperties: target.modifiedProperties.map((m) => ({ Name: m.displayName, NewValue: m.newValue ?? '', OldValue: m.oldValue ?? '' })),
      Actor: by.user ? [{ ID: by.user.userPrincipalName, Type: 5 }, { ID: by.user.id, Type: 0 }] : [{ ID: by.app?.displayName ?? '', Type: 1 }, { ID: by.app?.appId ?? '', Type: 2 }],
      ActorContextId: src.tenantId,
      InterSystemsId: String(a.correlationId),
      IntraSystemId: String(a.id),
      Target: [{ ID: target.id, Type: 2 }, { ID: target.displayName, Type: 1 }],
      TargetContextId: src.tenantId,
    });
  }
  return out;
}

function workloadRecords(src: O365Sources, blob: BlobInfo): Record<string, unknown>[] {
  const t = CONTENT_TYPES.indexOf(blob.contentType);
  const rng = Rng.for(src.seed, STREAM.o365, 1_000_000 + t * 100_000 + blob.k);
  const n = rng.range(5, 40);
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const ms = blob.windowStartMs + rng.int(3_600_000);
    const user = `user${rng.int(60)}@${src.tenantId.slice(0, 8)}.example`;
    const ip = rng.ipv4();
    if (blob.contentType === 'Audit.Exchange') {
      const op = rng.pick(['MailItemsAccessed', 'Send', 'New-InboxRule', 'Set-Mailbox', 'HardDelete']);
      out.push({ ...common(rng, src.tenantId, op === 'New-InboxRule' || op === 'Set-Mailbox' ? 1 : 2, op, 'Exchange', user, ms, ip), ResultStatus: 'Succeeded', ObjectId: `<${rng.guid()}@mail.example>`, ClientInfoString: rng.chance(0.1) ? src.vocab.pickHostile(0, 'Client=OWA;Mozilla/5.0') : 'Client=OWA;Mozilla/5.0', MailboxOwnerUPN: user });
    } else if (blob.contentType === 'Audit.SharePoint') {
      const op = rng.pick(['FileAccessed', 'FileDownloaded', 'FileModified', 'SharingSet', 'AnonymousLinkCreated']);
      const ordinary = rng.pick(['Q3 forecast.xlsx', 'salaries 2026.xlsx', 'design.docx', 'passwords.txt']);
      const file = rng.chance(0.05) ? src.vocab.pickHostile(4, ordinary) : ordinary;
      out.push({ ...common(rng, src.tenantId, op.startsWith('Sharing') || op.startsWith('Anonymous') ? 14 : 6, op, 'SharePoint', user, ms, ip), ObjectId: `https://contoso.sharepoint.example/sites/finance/Shared Documents/${file}`, SourceFileName: file, SiteUrl: 'https://contoso.sharepoint.example/sites/finance/', UserAgent: 'Mozilla/5.0' });
    } else if (blob.contentType === 'Audit.General') {
      const op = rng.pick(['MemberAdded', 'TeamCreated', 'MessageSent', 'AlertTriggered']);
      out.push({ ...common(rng, src.tenantId, op === 'AlertTriggered' ? 40 : 25, op, op === 'AlertTriggered' ? 'SecurityComplianceCenter' : 'MicrosoftTeams', user, ms, ip), ResultStatus: 'Succeeded', ObjectId: rng.guid() });
    } else {
      out.push({ ...common(rng, src.tenantId, rng.chance(0.5) ? 11 : 13, 'DlpRuleMatch', rng.chance(0.5) ? 'SharePoint' : 'Exchange', user, ms, ip), ObjectId: rng.guid(), PolicyDetails: [{ PolicyId: rng.guid(), PolicyName: 'U.S. Financial Data', Rules: [{ RuleName: 'Credit card numbers', Severity: rng.pick(['Low', 'Medium', 'High']) }] }], IncidentId: rng.guid(), SensitiveInfoDetectionIsIncluded: false });
    }
  }
  return out;
}

export function blobRecords(src: O365Sources, seed: number, anchorMs: number, blob: BlobInfo): Record<string, unknown>[] {
  const own = blob.contentType === 'Audit.AzureActiveDirectory' ? aadRecords(src, blob) : workloadRecords(src, blob);
  // A few records of the previous hour's blob repeat here: clients must de-duplicate by Id.
  if (blob.k + 1 < BLOB_HOURS) {
    const prev = blobInfo(seed, anchorMs, blob.contentType, blob.k + 1);
    const prevOwn = blob.contentType === 'Audit.AzureActiveDirectory' ? aadRecords(src, prev) : workloadRecords(src, prev);
    const rng = Rng.for(seed, STREAM.o365, 9_000_000 + blob.k);
    for (const r of prevOwn) if (rng.chance(0.02)) own.push(r);
  }
  // Blobs are not in time order.
  const rng = Rng.for(seed, STREAM.o365, 8_000_000 + blob.k);
  for (let i = own.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [own[i], own[j]] = [own[j], own[i]];
  }
  return own;
}
