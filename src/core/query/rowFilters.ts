/**
 * Client-side filters on display rows (the ones Graph cannot do): one predicate for the results
 * grid, Save as JSON and bulk exports, so an export holds exactly the rows the panel shows.
 */
import { type FilterModel } from '../odata/model';

/** What a predicate needs of a row: the grid's RowData and core's DisplayRow both fit. */
export interface FilterableRow {
  readonly cells: Readonly<Record<string, string>>;
  readonly failed: boolean;
  readonly ca?: ReadonlyArray<readonly [string, string]>;
  /** Raw values behind labelled cells: text search finds `atRisk` as well as "At risk". */
  readonly raw?: Readonly<Record<string, string>>;
}

/**
 * A column that must hold one of some values (a facet's value, a question on a field Graph cannot
 * filter): compared with the cell's raw value where it has one, else its text.
 */
export interface FieldFilter {
  /** The grid column's id. */
  readonly column: string;
  /** The column's label, for the filter in words. */
  readonly label: string;
  readonly values: readonly string[];
}

export interface RowFilters {
  readonly text: string;
  readonly failuresOnly: boolean;
  /** A CA policy name; '' for any. */
  readonly caPolicy: string;
  /** A CA result; '' for any. */
  readonly caResult: string;
  /** Only rows where some policy has a report-only result. */
  readonly reportOnly: boolean;
  /** Every one must hold (absent: none). */
  readonly fields?: readonly FieldFilter[];
  /** Rows whose time (the grid's text in `column`) lies in [fromMs, toMs): a histogram's brushed range. */
  readonly time?: TimeFilter;
}

export interface TimeFilter {
  readonly column: string;
  readonly fromMs: number;
  readonly toMs: number;
}

/** A time cell as the grid shows it ("2026-11-30 08:15:02Z") as an instant; NaN when it is not one. */
export const cellInstant = (text: string): number => Date.parse(text.replace(' ', 'T'));
const isoMinute = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace(/:\d{2}\.\d{3}Z$/, 'Z');

export const NO_ROW_FILTERS: RowFilters = { text: '', failuresOnly: false, caPolicy: '', caResult: '', reportOnly: false };

/** The filters a query asks of its loaded rows (a new panel's grid starts with them). */
export function rowFiltersOf(model: FilterModel): RowFilters {
  const fields = model.client.flatMap((c) => (c.kind === 'field' ? [{ column: c.column, label: c.label, values: c.values }] : []));
  return { ...NO_ROW_FILTERS, failuresOnly: model.client.some((c) => c.kind === 'failuresOnly'), ...(fields.length ? { fields } : {}) };
}

/** The active filters in words, for the header of a saved document and an export's manifest. */
export function describeFilters(f: RowFilters): string[] {
  const out: string[] = [];
  if (f.failuresOnly) out.push('failures only');
  if (f.caPolicy) out.push(`conditional access policy "${f.caPolicy}"${f.caResult ? ` with result ${f.caResult}` : ''}`);
  else if (f.caResult) out.push(`a conditional access result of ${f.caResult}`);
  if (f.reportOnly) out.push('report-only conditional access results');
  if (f.time) out.push(`time from ${isoMinute(f.time.fromMs)} to ${isoMinute(f.time.toMs)}`);
  for (const field of f.fields ?? []) out.push(`${field.label} is ${field.values.map((v) => `"${v}"`).join(' or ')}`);
  if (f.text.trim()) out.push(`text contains "${f.text.trim()}"`);
  return out;
}

export function isFiltering(f: RowFilters): boolean {
  return describeFilters(f).length > 0;
}

/** Whether one row passes the filters. */
export function rowMatches(r: FilterableRow, f: RowFilters): boolean {
  if (f.failuresOnly && !r.failed) return false;
  if (f.caPolicy || f.caResult) {
    const ca = r.ca ?? [];
    if (!ca.some(([name, result]) => (!f.caPolicy || name === f.caPolicy) && (!f.caResult || result === f.caResult))) return false;
  }
  if (f.reportOnly && !(r.ca ?? []).some(([, result]) => result.startsWith('reportOnly'))) return false;
  if (f.time) {
    const t = cellInstant(r.cells[f.time.column] ?? '');
    if (!(t >= f.time.fromMs && t < f.time.toMs)) return false;
  }
  for (const field of f.fields ?? []) if (!field.values.includes(r.raw?.[field.column] ?? r.cells[field.column] ?? '')) return false;
  const text = f.text.trim().toLowerCase();
  if (text && !Object.values(r.cells).some((v) => v.toLowerCase().includes(text)) && !Object.values(r.raw ?? {}).some((v) => v.toLowerCase().includes(text))) return false;
  return true;
}

const LIMITS = { text: 1000, name: 1000, fields: 20, values: 200 };

/** A field filter from a webview, a checkpoint or stored state, checked at that boundary. */
export function parseFieldFilter(v: unknown): FieldFilter | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const f = v as Record<string, unknown>;
  const values = f.values;
  if (typeof f.column !== 'string' || f.column.length > 200 || typeof f.label !== 'string' || f.label.length > LIMITS.name) return undefined;
  if (!Array.isArray(values) || values.length === 0 || values.length > LIMITS.values || !values.every((x) => typeof x === 'string' && x.length <= LIMITS.text)) return undefined;
  return { column: f.column, label: f.label, values: values as string[] };
}

/** Filters from a webview or a checkpoint file, checked at that boundary. */
export function parseRowFilters(v: unknown): RowFilters | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const f = v as Record<string, unknown>;
  const str = (x: unknown, max: number) => typeof x === 'string' && x.length <= max;
  if (!str(f.text, LIMITS.text) || !str(f.caPolicy, LIMITS.name) || !str(f.caResult, LIMITS.name) || typeof f.failuresOnly !== 'boolean' || typeof f.reportOnly !== 'boolean') return undefined;
  let fields: FieldFilter[] | undefined;
  if (f.fields !== undefined) {
    if (!Array.isArray(f.fields) || f.fields.length > LIMITS.fields) return undefined;
    fields = [];
    for (const x of f.fields) {
      const parsed = parseFieldFilter(x);
      if (!parsed) return undefined;
      fields.push(parsed);
    }
  }
  let time: TimeFilter | undefined;
  if (f.time !== undefined) {
    const t = f.time as Record<string, unknown>;
    if (typeof t !== 'object' || t === null || typeof t.column !== 'string' || t.column.length > 200 || typeof t.fromMs !== 'number' || typeof t.toMs !== 'number' || !Number.isFinite(t.fromMs) || !Number.isFinite(t.toMs) || t.fromMs >= t.toMs) return undefined;
    time = { column: t.column, fromMs: t.fromMs, toMs: t.toMs };
  }
  return { text: f.text as string, failuresOnly: f.failuresOnly, caPolicy: f.caPolicy as string, caResult: f.caResult as string, reportOnly: f.reportOnly, ...(fields?.length ? { fields } : {}), ...(time ? { time } : {}) };
}
