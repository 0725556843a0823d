/**
 * Detail views for the other record kinds, in one layout language: a title with a badge, then
 * sections of fields, tables, and changes (old → new, with a diff for JSON values). Pure data;
 * the webview renders every value as text.
 */
import { enumLabel } from '../catalog/labels';
import { formatTime } from '../query/rows';
import { jsonText } from '../records/untrusted';
import { type Field } from './signInView';

export type Tone = 'success' | 'failure' | 'warning' | 'neutral';

export interface Change {
  readonly name: string;
  readonly oldValue: string;
  readonly newValue: string;
  /** For JSON arrays and objects: what was removed and added. */
  readonly removed: readonly string[];
  readonly added: readonly string[];
}

export type Section =
  | { readonly kind: 'fields'; readonly heading: string; readonly fields: readonly Field[] }
  | { readonly kind: 'table'; readonly heading: string; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly tones?: readonly Tone[] }
  | { readonly kind: 'changes'; readonly heading: string; readonly changes: readonly Change[] }
  | { readonly kind: 'note'; readonly heading: string; readonly text: string };

export interface RecordView {
  readonly kind: 'directoryAudit' | 'riskDetection' | 'riskyUser' | 'provisioning' | 'o365Record' | 'graphActivity';
  readonly title: string;
  readonly badge: { readonly text: string; readonly tone: Tone } | undefined;
  readonly subtitle: string;
  readonly sections: readonly Section[];
}

/** A value as text (objects as JSON); nothing for null or absent. */
export const s = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
/** An enum value in words (raw values stay in the record's JSON and in exports). */
const label = (v: unknown): string => (typeof v === 'string' ? enumLabel(v) : s(v));
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** The fields that have a value. */
export const fields = (list: Field[]): Field[] => list.filter((f) => f.value !== '');

/** Modified-property values are JSON text from the service: nesting is bounded, then shown as text. */
const FLATTEN_DEPTH = 16;

function flatten(v: unknown, prefix = '', depth = 0): string[] {
  if (depth >= FLATTEN_DEPTH && typeof v === 'object' && v !== null) return [`${prefix}${jsonText(v)}`];
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'object' && x !== null ? flatten(x, prefix, depth + 1) : [`${prefix}${s(x)}`]));
  if (typeof v === 'object' && v !== null) return Object.entries(v).flatMap(([k, x]) => flatten(x, `${prefix}${k}: `, depth + 1));
  return [`${prefix}${s(v)}`];
}

/** Old → new for a modified property; JSON values (arrays, objects) get a set diff of their items. */
export function change(name: string, oldValue: unknown, newValue: unknown): Change {
  const o = s(oldValue);
  const n = s(newValue);
  const parse = (t: string): unknown => {
    try {
      return t.trim().startsWith('[') || t.trim().startsWith('{') ? JSON.parse(t) : undefined;
    } catch {
      return undefined;
    }
  };
  const po = parse(o);
  const pn = parse(n);
  if (po === undefined && pn === undefined) return { name, oldValue: o, newValue: n, removed: [], added: [] };
  const before = po === undefined ? (o ? [o] : []) : flatten(po);
  const after = pn === undefined ? (n ? [n] : []) : flatten(pn);
  return { name, oldValue: o, newValue: n, removed: before.filter((x) => !after.includes(x)), added: after.filter((x) => !before.includes(x)) };
}

export function directoryAuditView(r: Record<string, unknown>): RecordView {
  const by = obj(r.initiatedBy);
  const user = obj(by.user);
  const app = obj(by.app);
  const targets = arr(r.targetResources).map(obj);
  const result = s(r.result);
  return {
    kind: 'directoryAudit',
    title: s(r.activityDisplayName) || 'Directory audit',
    badge: result ? { text: label(result), tone: result === 'success' ? 'success' : result === 'failure' ? 'failure' : 'warning' } : undefined,
    subtitle: `${formatTime(r.activityDateTime)} · ${s(r.category)} · ${s(r.loggedByService)}`,
    sections: [
      {
        kind: 'fields',
        heading: 'Initiated by',
        fields: fields([
          { label: 'User', value: s(user.userPrincipalName) || s(user.displayName) },
          { label: 'User id', value: s(user.id), copy: true },
          { label: 'IP address', value: s(user.ipAddress) },
          { label: 'Application', value: s(app.displayName) },
          { label: 'Application id', value: s(app.appId), copy: true },
          { label: 'Service principal', value: s(app.servicePrincipalName) },
        ]),
      },
      { kind: 'table', heading: 'Targets', columns: ['Type', 'Name', 'User principal name', 'Id'], rows: targets.map((t) => [s(t.type), s(t.displayName), s(t.userPrincipalName), s(t.id)]) },
      ...targets
        .filter((t) => arr(t.modifiedProperties).length > 0)
        .map((t): Section => ({ kind: 'changes', heading: `Modified properties of ${s(t.displayName) || s(t.id)}`, changes: arr(t.modifiedProperties).map(obj).map((m) => change(s(m.displayName), m.oldValue, m.newValue)) })),
      {
        kind: 'fields',
        heading: 'Details',
        fields: fields([
          { label: 'Result reason', value: s(r.resultReason) },
          { label: 'Operation type', value: s(r.operationType) },
          { label: 'Correlation id', value: s(r.correlationId), copy: true },
          { label: 'Id', value: s(r.id), copy: true },
          ...arr(r.additionalDetails).map(obj).map((d) => ({ label: s(d.key), value: s(d.value) })),
        ]),
      },
    ],
  };
}

const riskTone = (level: unknown): Tone => (level === 'high' ? 'failure' : level === 'medium' || level === 'low' ? 'warning' : 'neutral');
const hidden = (v: unknown) => (v === 'hidden' ? 'Hidden (needs Microsoft Entra ID P2)' : label(v));

export function riskDetectionView(r: Record<string, unknown>): RecordView {
  const loc = obj(r.location);
  return {
    kind: 'riskDetection',
    title: `${label(r.riskEventType)} · ${s(r.userPrincipalName) || s(r.servicePrincipalDisplayName)}`,
    badge: { text: `risk ${hidden(r.riskLevel)}`, tone: riskTone(r.riskLevel) },
    subtitle: `${formatTime(r.activityDateTime)} · ${label(r.detectionTimingType)} · ${s(r.source)}`,
    sections: [
      {
        kind: 'fields',
        heading: 'Detection',
        fields: fields([
          { label: 'Risk event type', value: label(r.riskEventType) },
          { label: 'Risk level', value: hidden(r.riskLevel) },
          { label: 'Risk state', value: label(r.riskState) },
          { label: 'Risk detail', value: hidden(r.riskDetail) },
          { label: 'Timing', value: label(r.detectionTimingType) },
          { label: 'Activity', value: s(r.activity) },
          { label: 'Detected', value: formatTime(r.detectedDateTime) },
          { label: 'Last updated', value: formatTime(r.lastUpdatedDateTime) },
          { label: 'Additional info', value: s(r.additionalInfo) },
        ]),
      },
      {
        kind: 'fields',
        // A workload's detection (servicePrincipalRiskDetection) names the principal, its app and keys.
        heading: r.servicePrincipalId ? 'Service principal and sign-in' : 'User and sign-in',
        fields: fields([
          { label: 'Service principal', value: s(r.servicePrincipalDisplayName) },
          { label: 'Service principal id', value: s(r.servicePrincipalId), copy: true },
          { label: 'Application id', value: s(r.appId), copy: true },
          { label: 'Credential key ids', value: arr(r.keyIds).map(s).join(', ') },
          { label: 'User', value: s(r.userDisplayName) },
          { label: 'User principal name', value: s(r.userPrincipalName) },
          { label: 'User id', value: s(r.userId), copy: true },
          { label: 'Sign-in (request) id', value: s(r.requestId), copy: true },
          { label: 'Correlation id', value: s(r.correlationId), copy: true },
          { label: 'IP address', value: s(r.ipAddress), copy: true },
          { label: 'Location', value: [s(loc.city), s(loc.state), s(loc.countryOrRegion)].filter(Boolean).join(', ') },
          { label: 'Detection id', value: s(r.id), copy: true },
        ]),
      },
    ],
  };
}

export function riskyUserView(r: Record<string, unknown>, history?: readonly Record<string, unknown>[]): RecordView {
  return {
    kind: 'riskyUser',
    title: s(r.userPrincipalName) || s(r.userDisplayName),
    badge: { text: `${label(r.riskState)} · ${hidden(r.riskLevel).toLowerCase()}`, tone: r.riskState === 'atRisk' || r.riskState === 'confirmedCompromised' ? riskTone(r.riskLevel === 'none' ? 'high' : r.riskLevel) : 'neutral' },
    subtitle: `Updated ${formatTime(r.riskLastUpdatedDateTime)}`,
    sections: [
      {
        kind: 'fields',
        heading: 'Risk',
        fields: fields([
          { label: 'User', value: s(r.userDisplayName) },
          { label: 'User id', value: s(r.id), copy: true },
          { label: 'Risk level', value: hidden(r.riskLevel) },
          { label: 'Risk state', value: label(r.riskState) },
          { label: 'Risk detail', value: hidden(r.riskDetail) },
          { label: 'Deleted', value: r.isDeleted === true ? 'Yes' : r.isDeleted === false ? 'No' : '' },
          { label: 'Processing', value: r.isProcessing === true ? 'Yes' : r.isProcessing === false ? 'No' : '' },
        ]),
      },
      history === undefined
        ? { kind: 'note', heading: 'History', text: 'History could not be read.' }
        : {
            kind: 'table',
            heading: 'History (newest first)',
            columns: ['Time', 'State', 'Level', 'Detail', 'Initiated by', 'Risk event types'],
            rows: history.map((h) => [formatTime(h.riskLastUpdatedDateTime), label(h.riskState), hidden(h.riskLevel), hidden(h.riskDetail), s(h.initiatedBy), arr(obj(h.activity).riskEventTypes).map(label).join(', ')]),
          },
    ],
  };
}

export function provisioningView(r: Record<string, unknown>): RecordView {
  const status = obj(r.provisioningStatusInfo);
  const error = obj(status.errorInformation);
  const result = s(status.status);
  const steps = arr(r.provisioningSteps).map(obj);
  return {
    kind: 'provisioning',
    title: `${label(r.provisioningAction)} ${s(obj(r.sourceIdentity).displayName)} → ${s(obj(r.targetSystem).displayName)}`,
    badge: result ? { text: label(result), tone: result === 'success' ? 'success' : result === 'failure' ? 'failure' : 'warning' } : undefined,
    subtitle: `${formatTime(r.activityDateTime)} · ${s(obj(r.servicePrincipal).displayName)}`,
    sections: [
      ...(result === 'failure'
        ? [{ kind: 'fields', heading: 'Error', fields: fields([{ label: 'Code', value: s(error.errorCode) }, { label: 'Category', value: s(error.errorCategory) }, { label: 'Reason', value: s(error.reason) }, { label: 'Recommended action', value: s(error.recommendedAction) }]) } as Section]
        : []),
      { kind: 'table', heading: 'Steps', columns: ['Step', 'Type', 'Status', 'Description'], rows: steps.map((st) => [s(st.name), s(st.provisioningStepType), s(st.status), s(st.description)]), tones: steps.map((st) => (st.status === 'failure' ? 'failure' : st.status === 'success' ? 'success' : 'warning')) },
      { kind: 'changes', heading: 'Modified properties', changes: arr(r.modifiedProperties).map(obj).map((m) => change(s(m.displayName), m.oldValue, m.newValue)) },
      {
        kind: 'fields',
        heading: 'Identities',
        fields: fields([
          { label: 'Source identity', value: s(obj(r.sourceIdentity).displayName) },
          { label: 'Source id', value: s(obj(r.sourceIdentity).id), copy: true },
          { label: 'Target identity', value: s(obj(r.targetIdentity).displayName) },
          { label: 'Target id', value: s(obj(r.targetIdentity).id), copy: true },
          { label: 'Source system', value: s(obj(r.sourceSystem).displayName) },
          { label: 'Target system', value: s(obj(r.targetSystem).displayName) },
          { label: 'Job id', value: s(r.jobId), copy: true },
          { label: 'Cycle id', value: s(r.cycleId), copy: true },
          { label: 'Duration', value: r.durationInMilliseconds === undefined ? '' : `${s(r.durationInMilliseconds)} ms` },
        ]),
      },
    ],
  };
}

/** Office 365 RecordType numbers (Management Activity API schema) the extension names. */
export const O365_RECORD_TYPES: Readonly<Record<number, string>> = {
  1: 'ExchangeAdmin',
  2: 'ExchangeItem',
  4: 'SharePoint',
  6: 'SharePointFileOperation',
  8: 'AzureActiveDirectory',
  9: 'AzureActiveDirectoryAccountLogon',
  11: 'ComplianceDLPSharePoint',
  13: 'ComplianceDLPExchange',
  14: 'SharePointSharingOperation',
  15: 'AzureActiveDirectoryStsLogon',
  25: 'MicrosoftTeams',
  40: 'SecurityComplianceAlerts',
};

const O365_COMMON = ['Id', 'RecordType', 'CreationTime', 'Operation', 'OrganizationId', 'UserType', 'UserKey', 'Workload', 'UserId', 'ClientIP', 'ResultStatus', 'ObjectId', 'ErrorCode'];

/** An Office 365 audit record: the common schema, then every other property as a generic table. */
export function o365RecordView(r: Record<string, unknown>): RecordView {
  const type = typeof r.RecordType === 'number' ? `${O365_RECORD_TYPES[r.RecordType] ?? 'RecordType'} (${r.RecordType})` : s(r.RecordType);
  const status = s(r.ResultStatus);
  const errorCode = s(r.ErrorCode);
  const tone: Tone = /^(Succeeded|Success|True)$/i.test(status) ? 'success' : /fail/i.test(status) ? 'failure' : 'neutral';
  return {
    kind: 'o365Record',
    title: `${s(r.Operation)} · ${s(r.UserId)}`,
    badge: status ? { text: status, tone } : undefined,
    // O365 times carry no zone; they are UTC.
    subtitle: `${s(r.CreationTime)}Z UTC · ${s(r.Workload)} · ${type}`,
    sections: [
      {
        kind: 'fields',
        heading: 'Common fields',
        fields: fields([
          { label: 'Operation', value: s(r.Operation) },
          { label: 'User', value: s(r.UserId) },
          { label: 'Client IP', value: s(r.ClientIP), copy: true },
          { label: 'Workload', value: s(r.Workload) },
          { label: 'Record type', value: type },
          { label: 'Result', value: status },
          { label: 'Error code', value: errorCode && errorCode !== '0' ? `AADSTS${errorCode}` : '' },
          { label: 'Object', value: s(r.ObjectId) },
          { label: 'Organization', value: s(r.OrganizationId), copy: true },
          { label: 'User key', value: s(r.UserKey) },
          { label: 'Id', value: s(r.Id), copy: true },
        ]),
      },
      ...(Array.isArray(r.ModifiedProperties) && r.ModifiedProperties.length > 0
        ? [{ kind: 'changes', heading: 'Modified properties', changes: r.ModifiedProperties.map(obj).map((m) => change(s(m.Name), m.OldValue, m.NewValue)) } as Section]
        : []),
      {
        kind: 'table',
        heading: 'Other properties',
        columns: ['Property', 'Value'],
        rows: Object.entries(r)
          .filter(([k]) => !O365_COMMON.includes(k) && k !== 'ModifiedProperties')
          .map(([k, v]) => [k, Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && 'Name' in x) ? v.map((x) => `${s((x as Record<string, unknown>).Name)}: ${s((x as Record<string, unknown>).Value)}`).join('; ') : s(v)]),
      },
    ],
  };
}
