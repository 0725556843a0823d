/**
 * A workspace query over a long range, as the query API allows it (API-FACTS 8): no paging, at most
 * 500,000 rows and about 100 MB per answer, 10 minutes per query. So the range is cut into
 * half-open time slices, newest first: a slice that comes back partial or times out is halved and
 * asked again; a slice that comes back small makes the next one wider. Slices neither overlap nor
 * leave gaps, so nothing is lost or repeated.
 */
import { QueryTimeoutError } from '../http/client';
import { ServiceError } from '../http/serviceError';
import { type FilterModel } from '../odata/model';
import { type LogRecord } from '../records/untrusted';
import { compileKql } from './compile';
import { type LogAnalyticsApi } from './queryApi';
import { type WorkspaceTable } from './tables';

export interface SlicedQuery {
  readonly workspaceId: string;
  readonly table: WorkspaceTable;
  readonly model: FilterModel;
  /** The whole range, [fromMs, toMs). */
  readonly range: { readonly fromMs: number; readonly toMs: number };
}

export interface SliceOptions {
  /** The first slice's length; the whole range when not given. */
  readonly initialSliceMs?: number;
  /** A slice this short that still comes back partial is an error, not halved again. */
  readonly minSliceMs?: number;
  /** Slices that return fewer rows than a quarter of this are followed by one twice as long. */
  readonly targetRows?: number;
  readonly signal?: AbortSignal;
  readonly nowMs: number;
}

export interface Slice {
  readonly records: readonly LogRecord[];
  readonly window: { readonly fromMs: number; readonly toMs: number };
}

export interface SliceStats {
  readonly slices: number;
  /** Slices asked again narrower (partial answers and timeouts). */
  readonly narrowed: number;
}

/** A slice that cannot be narrowed further and still does not fit: what the service said. */
export class SliceTooLargeError extends Error {
  readonly code = 'SliceTooLarge';
}

function tooBig(e: unknown): boolean {
  return e instanceof QueryTimeoutError || (e instanceof ServiceError && (e.status === 504 || e.code === 'GatewayTimeout'));
}

export async function* sliceQuery(api: Pick<LogAnalyticsApi, 'query'>, q: SlicedQuery, options: SliceOptions): AsyncGenerator<Slice, SliceStats, void> {
  const minSliceMs = options.minSliceMs ?? 1000;
  const target = options.targetRows ?? 100_000;
  let size = Math.max(minSliceMs, options.initialSliceMs ?? q.range.toMs - q.range.fromMs);
  let to = q.range.toMs;
  let slices = 0;
  let narrowed = 0;
  while (to > q.range.fromMs) {
    const window = { fromMs: Math.max(q.range.fromMs, to - size), toMs: to };
    const compiled = compileKql(q.table, q.model, { nowMs: options.nowMs, window });
    if (compiled.problems.length > 0) throw new Error(compiled.problems[0].message);
    let result;
    try {
      result = await api.query({ workspaceId: q.workspaceId, query: compiled.query, timespan: compiled.timespan, signal: options.signal });
    } catch (e) {
      if (!tooBig(e)) throw e;
      result = undefined;
    }
    const width = window.toMs - window.fromMs;
    if (!result || result.partial) {
      if (width <= minSliceMs) throw new SliceTooLargeError(`${result?.partial?.message ?? 'The query timed out'} even for ${Math.round(width / 1000)} s of data: narrow the filter.`);
      size = Math.max(minSliceMs, Math.floor(width / 2));
      narrowed++;
      continue;
    }
    slices++;
    yield { records: result.records, window };
    to = window.fromMs;
    if (result.records.length < target / 4) size = width * 2;
  }
  return { slices, narrowed };
}

/**
 * A results panel's pages from slices: the first slice's rows go out at once (the first rows to
 * see), later slices are gathered into pages of `pageRows`, so "Load more" brings about as many
 * rows as a Graph page does whether slices are narrow or wide.
 */
export async function* slicePages<R>(slices: AsyncGenerator<Slice, SliceStats, void>, convert: (r: LogRecord) => R, pageRows: number): AsyncGenerator<{ records: R[]; window: Slice['window'] }, SliceStats, void> {
  let held: R[] = [];
  let window: { fromMs: number; toMs: number } | undefined;
  let first = true;
  for (;;) {
    const next = await slices.next();
    if (!next.done) {
      // One at a time: a slice can hold 500,000 rows, past what a spread argument list takes.
      for (const r of next.value.records) held.push(convert(r));
      window = { fromMs: next.value.window.fromMs, toMs: window?.toMs ?? next.value.window.toMs };
    }
    // Whole pages go; the rest waits for the next slice, unless this is the first or the last.
    const cut = next.done || first ? held.length : held.length - (held.length % pageRows);
    for (let i = 0; i < cut; i += pageRows) yield { records: held.slice(i, Math.min(cut, i + pageRows)), window: window! };
    if (cut > 0) {
      held = held.slice(cut);
      first = false;
      window = held.length > 0 ? window : undefined;
    }
    if (next.done) return next.value;
  }
}
