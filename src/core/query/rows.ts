/** Turns records into the display rows the results grid shows (text only, formatted once). */
import { valueAt } from '../catalog/categories';
import { enumLabel } from '../catalog/labels';
import { type CategorySpec, type ColumnSpec } from '../catalog/types';
import { isUnreadable, jsonText, type LogRecord, UnreadableRecord } from '../records/untrusted';
import { hasSignInRisk } from '../records/signInRisk';

/** AADSTS codes that mean the user was asked for more (not a failed credential). */
const INTERRUPTS = new Set([50074, 50076, 50079, 50140, 50158, 50125, 50072, 81010, 16000, 50058]);

export function formatTime(value: unknown): string {
  if (typeof value !== 'string') return '';
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

export function signInOutcome(errorCode: unknown): 'success' | 'interrupted' | 'failure' | 'unknown' {
  if (typeof errorCode !== 'number') return 'unknown';
  if (errorCode === 0) return 'success';
  return INTERRUPTS.has(errorCode) ? 'interrupted' : 'failure';
}

function cell(record: Record<string, unknown>, column: ColumnSpec): string {
  const v = valueAt(record, column.path);
  if (column.kind === 'datetime') return formatTime(v);
  if (column.kind === 'status') {
    const outcome = signInOutcome(v);
    return outcome === 'success' ? 'Success' : outcome === 'unknown' ? '' : `${outcome === 'interrupted' ? 'Interrupted' : 'Failure'} ${String(v)}`;
  }
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * What a row's menu can pivot on: its user, IP address, session, network (ASN) and correlation id;
 * and `risk`, a verdict on a risky sign-in. Kept as bits per row in the row table, in this order.
 */
export const PIVOT_KEYS = ['user', 'ip', 'risk', 'session', 'asn', 'correlation', 'token'] as const;
export type Pivots = { readonly [K in (typeof PIVOT_KEYS)[number]]?: true };

export interface DisplayRow {
  readonly id: string;
  readonly cells: Record<string, string>;
  readonly failed: boolean;
  /** A sign-in that asked for more (MFA, consent …) rather than failing: `failed` too. */
  readonly interrupted?: true;
  readonly ca?: [string, string][];
  /** The service sent something that is not a readable record; its text opens on demand. */
  readonly unreadable?: true;
  /** Raw values of the cells shown by a readable label (enum columns). */
  readonly raw?: Record<string, string>;
  /** What the row's menu offers: pivots on its user and IP, and verdicts on its risk (a risky sign-in). */
  readonly pivots?: Pivots;
}

/** The user and IP a record names, for pivot queries (sign-ins of this user, from this IP). */
export function pivotKeys(record: Record<string, unknown>): { userId?: string; userPrincipalName?: string; ipAddress?: string } {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const initiator = obj(obj(record.initiatedBy).user);
  return {
    userId: str(record.userId) ?? str(initiator.id),
    userPrincipalName: str(record.userPrincipalName) ?? str(initiator.userPrincipalName),
    ipAddress: str(record.ipAddress) ?? str(initiator.ipAddress),
  };
}

/** The token a record names: a sign-in's unique token identifier, or the one a Graph request carried. */
export function tokenOf(record: Record<string, unknown>): string | undefined {
  const v = typeof record.uniqueTokenIdentifier === 'string' ? record.uniqueTokenIdentifier : record.signInActivityId;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function unreadableRow(category: CategorySpec, id: string, reason: string): DisplayRow {
  const first = category.columns[0]?.id;
  return { id, cells: first ? { [first]: `Unreadable record: ${reason}` } : {}, failed: false, unreadable: true };
}

/**
 * A display row for any record. One whose fields defeat the mapping (a hostile shape nobody
 * foresaw) becomes an unreadable row rather than failing the page it came in.
 */
export function toDisplayRow(category: CategorySpec, record: LogRecord): DisplayRow {
  if (isUnreadable(record)) return unreadableRow(category, record.id, record.reason);
  try {
    return readableRow(category, record);
  } catch (e) {
    return unreadableRow(category, new UnreadableRecord('', jsonText(record)).id, `its fields could not be shown (${e instanceof Error ? e.message : String(e)})`);
  }
}

function pivotsOf(record: Record<string, unknown>, isSignIn: boolean): { pivots?: Pivots } {
  const k = pivotKeys(record);
  const has: Record<(typeof PIVOT_KEYS)[number], boolean> = {
    user: k.userId !== undefined || k.userPrincipalName !== undefined,
    ip: k.ipAddress !== undefined,
    risk: isSignIn && hasSignInRisk(record),
    // A session is read through its user's sign-ins (Graph cannot filter on it).
    session: isSignIn && k.userId !== undefined && typeof record.sessionId === 'string' && record.sessionId.trim() !== '',
    asn: isSignIn && typeof record.autonomousSystemNumber === 'number',
    correlation: typeof record.correlationId === 'string' && record.correlationId.trim() !== '',
    token: tokenOf(record) !== undefined,
  };
  const on = PIVOT_KEYS.filter((key) => has[key]);
  return on.length ? { pivots: Object.fromEntries(on.map((key) => [key, true])) as Pivots } : {};
}

function readableRow(category: CategorySpec, record: Record<string, unknown>): DisplayRow {
  const cells: Record<string, string> = {};
  let raw: Record<string, string> | undefined;
  const shown = category.display ? category.display(record) : record;
  const derived = category.derived?.(record);
  for (const c of category.columns) {
    const text = cell(derived && c.path in derived ? derived : shown, c);
    if (c.kind === 'enum' && text !== '') {
      const label = enumLabel(text);
      if (label !== text) (raw ??= {})[c.id] = text;
      cells[c.id] = label;
    } else cells[c.id] = text;
  }
  const isSignIn = category.group === 'Sign-ins';
  const status = valueAt(record, 'status/errorCode');
  const policies = record.appliedConditionalAccessPolicies;
  return {
    // Graph records carry `id`; Office 365 audit records carry `Id`.
    id: typeof record.id === 'string' ? record.id : typeof record.Id === 'string' ? record.Id : new UnreadableRecord('', jsonText(record)).id.replace('unreadable', 'record'),
    cells,
    ...(raw ? { raw } : {}),
    ...pivotsOf(record, isSignIn),
    failed: isSignIn && typeof status === 'number' && status !== 0,
    ...(isSignIn && signInOutcome(status) === 'interrupted' ? { interrupted: true as const } : {}),
    ...(isSignIn && Array.isArray(policies)
      ? { ca: policies.map((p) => [String(obj(p).displayName ?? ''), String(obj(p).result ?? '')] as [string, string]) }
      : {}),
  };
}
