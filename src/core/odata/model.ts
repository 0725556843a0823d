/** A typed filter: what the filter UI edits and the query engine turns into `$filter`. */
import { type Operator } from '../catalog/types';

export type TimeRange =
  | { readonly kind: 'last'; readonly hours: number }
  | { readonly kind: 'between'; readonly from: string; readonly to: string }
  | { readonly kind: 'all' };

export type ClauseValue = string | number | boolean;

/** `field op value`; several values mean any of them (joined with `or`). */
export interface Clause {
  readonly field: string;
  readonly op: Operator;
  readonly values: readonly ClauseValue[];
  /** Who or what an id stands for, shown beside it ("User id = … (alice@contoso.com)"); never sent. */
  readonly valueLabel?: string;
}

/** Filters Graph cannot do, applied to loaded rows. */
export type ClientFilter =
  | { readonly kind: 'failuresOnly' }
  | { readonly kind: 'caPolicy'; readonly policy: string; readonly results: readonly string[] }
  | { readonly kind: 'reportOnly' }
  | { readonly kind: 'text'; readonly text: string }
  /** A grid column must hold one of these values (a field Graph cannot filter on). */
  | { readonly kind: 'field'; readonly column: string; readonly label: string; readonly values: readonly string[] };

export interface FilterModel {
  readonly time: TimeRange;
  readonly clauses: readonly Clause[];
  readonly client: readonly ClientFilter[];
  /** An expert's own `$filter`, used instead of the clauses (time range still applies). */
  readonly raw?: string;
}

export const EMPTY_FILTER: FilterModel = { time: { kind: 'last', hours: 24 }, clauses: [], client: [] };

export interface FilterProblem {
  readonly message: string;
  /** Clause index, or the character offset in a raw filter. */
  readonly clause?: number;
  readonly position?: number;
}

/** The time window a model covers, as absolute instants. */
export function resolveTime(time: TimeRange, nowMs: number): { fromMs: number; toMs: number } | undefined {
  if (time.kind === 'all') return undefined;
  if (time.kind === 'last') return { fromMs: nowMs - time.hours * 3_600_000, toMs: nowMs };
  return { fromMs: Date.parse(time.from), toMs: Date.parse(time.to) };
}
