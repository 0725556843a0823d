/** Turns records into the display rows the results grid shows (text only, formatted once). */
import { valueAt } from '../catalog/categories';
import { CategorySpec, ColumnSpec } from '../catalog/types';

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

export interface DisplayRow {
  readonly id: string;
  readonly cells: Record<string, string>;
  readonly failed: boolean;
  readonly ca?: [string, string][];
}

export function toDisplayRow(category: CategorySpec, record: Record<string, unknown>): DisplayRow {
  const cells: Record<string, string> = {};
  const shown = category.display ? category.display(record) : record;
  for (const c of category.columns) cells[c.id] = cell(shown, c);
  const isSignIn = category.group === 'Sign-ins';
  const status = valueAt(record, 'status/errorCode');
  const policies = record.appliedConditionalAccessPolicies;
  return {
    // Graph records carry `id`; Office 365 audit records carry `Id`.
    id: typeof record.id === 'string' ? record.id : typeof record.Id === 'string' ? record.Id : JSON.stringify(record).slice(0, 64),
    cells,
    failed: isSignIn && typeof status === 'number' && status !== 0,
    ...(isSignIn && Array.isArray(policies)
      ? { ca: policies.map((p) => [String((p as Record<string, unknown>).displayName ?? ''), String((p as Record<string, unknown>).result ?? '')] as [string, string]) }
      : {}),
  };
}
