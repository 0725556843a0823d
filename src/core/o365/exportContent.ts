/**
 * Bulk export of Office 365 audit content with the same guarantees as a Graph export (atomic data
 * files, a checkpoint after every blob, a verified manifest). Windows are UTC days of availability
 * time, oldest first, because blobs expire 7 days after they appear: a long export must reach the
 * oldest ones before they go. Each day is listed to its last NextPageUri, its blobs are read four
 * at a time but written in contentCreated order, and records are de-duplicated by Id across the
 * whole export (the service repeats records in neighbouring blobs).
 */
import { diagnose, summarize } from '../diagnose/classify';
import { type PartFile } from '../export/atomicFile';
import { checkpointPathOf, type ExportCheckpoint, type ExportSpec, journalPathOf, type WindowState } from '../export/checkpoint';
import { beginWindow, CheckpointWriter, countWritten, endLastFile, endWindow, prepareDestination } from '../export/commitPoint';
import { encoderFor } from '../export/formats';
import { type ExportPlan } from '../export/plan';
import { completeExport, ExportInterruptedError, type ExportOutcome, type ExportRunDeps, reopenPart, rowFilterFor } from '../export/runExport';
import { dayWindows } from '../export/windows';
import { UnsafeLinkError } from '../http/allowlist';
import { type RequestStats, RetriesExhaustedError } from '../http/client';
import { AbortedError } from '../http/clock';
import { ServiceError } from '../http/serviceError';
import { resolveTime, type TimeRange } from '../odata/model';
import { creationMs, o365RecordKey } from './browse';
import { isUnreadable, type LogRecord } from '../records/untrusted';
import { type ContentType } from './contentTypes';
import { ExportJournal } from './exportJournal';
import { type ContentEntry, ListingCutShortError, type ManageApi } from './manageApi';
import { MAX_AGE_MS } from './windows';
import { type O365Category } from '../catalog/types';

/** `category`'s display hook fills CSV columns such as RecordTypeName. */
export interface O365ExportDeps extends ExportRunDeps {
  readonly category: O365Category;
  readonly api: Pick<ManageApi, 'content' | 'blob'>;
  /** The client's counters, for the manifest's request totals. */
  readonly stats: RequestStats;
  /** Blobs read at once (4 keeps well under the tenant's rate). */
  readonly concurrency?: number;
}

/**
 * The content type an export reads. Checkpoints written before exports named their source kept it
 * in an `o365` field: still read, so an export started then resumes now.
 */
export function contentTypeOfSpec(spec: ExportSpec): string | undefined {
  if (spec.source?.kind === 'o365') return spec.source.params.contentType;
  const legacy = (spec as { o365?: { contentType?: unknown } }).o365?.contentType;
  return typeof legacy === 'string' ? legacy : undefined;
}

/** The range an Office 365 export covers: content is kept 7 days, so older starts are cut to that. */
export function o365ExportPlan(time: TimeRange, nowMs: number): ExportPlan {
  const oldest = nowMs - MAX_AGE_MS + 60_000;
  const r = resolveTime(time, nowMs) ?? { fromMs: oldest, toMs: nowMs };
  const range = { fromMs: Math.max(r.fromMs, oldest), toMs: Math.min(r.toMs, nowMs) };
  if (range.toMs <= range.fromMs) return { filterWithoutTime: undefined, filter: undefined, range: undefined, problem: 'Office 365 content is kept only 7 days after it becomes available; the range chosen ends before that.' };
  return { filterWithoutTime: undefined, filter: undefined, range };
}

export function newO365Export(spec: ExportSpec, nowMs: number): ExportCheckpoint {
  if (contentTypeOfSpec(spec) === undefined || !spec.range) throw new Error('An Office 365 export needs a content type and a time range.');
  const windows: WindowState[] = dayWindows(spec.range)
    .reverse()
    .map((w) => ({ ...w, rows: 0, status: 'pending' }));
  const stamp = new Date(nowMs).toISOString();
  return {
    version: 1,
    spec,
    startedAt: stamp,
    updatedAt: stamp,
    resumes: 0,
    windows,
    windowIndex: 0,
    files: [],
    rows: 0,
    duplicatesDropped: 0,
    stats: { requests: 0, retries: 0, throttled: 0, splits: 0 },
    journal: { path: journalPathOf(spec.destination), bytes: 0 },
    blobs: { fetched: 0, failed: [] },
  };
}

/** A failure that concerns one blob (expired, gone, refused link, retries spent): the rest go on. */
function blobProblem(e: unknown): string | undefined {
  if (e instanceof UnsafeLinkError) return `refused: ${e.reason}`;
  if (e instanceof RetriesExhaustedError) return summarize(diagnose(e.last));
  if (e instanceof ServiceError && (e.status === 400 || e.status === 404 || e.status === 410 || /^AF2005\d$/.test(e.code))) return summarize(diagnose(e));
  return undefined;
}

/** A window the service will not list (too old, or retries spent): marked incomplete, not fatal. */
function windowProblem(e: unknown): string | undefined {
  if (e instanceof RetriesExhaustedError) return `Retry budget exhausted: ${e.message}`;
  if (e instanceof ServiceError && ['AF20030', 'AF20051', 'AF20055'].includes(e.code)) return summarize(diagnose(e));
  return undefined;
}


type Fetched = { ok: true; records: LogRecord[] } | { ok: false; error: unknown };

/**
 * Reads blobs up to `ahead` at a time but yields them in list order, so the file's order does not
 * depend on which response came first. One blob's failure is yielded, not thrown.
 */
async function* readInOrder(entries: readonly ContentEntry[], ahead: number, read: (e: ContentEntry) => Promise<LogRecord[]>): AsyncGenerator<{ entry: ContentEntry; got: Fetched }> {
  // Only the blobs not yet yielded are held: a day's records never all sit in memory at once.
  const inFlight = new Map<number, Promise<Fetched>>();
  let next = 0;
  for (let i = 0; i < entries.length; i++) {
    for (; next < entries.length && next < i + ahead; next++) {
      inFlight.set(
        next,
        read(entries[next]).then(
          (records): Fetched => ({ ok: true, records }),
          (error: unknown): Fetched => ({ ok: false, error }),
        ),
      );
    }
    const got = await inFlight.get(i)!;
    inFlight.delete(i);
    yield { entry: entries[i], got };
  }
}

export async function runO365Export(deps: O365ExportDeps, cp: ExportCheckpoint): Promise<ExportOutcome> {
  const { spec } = cp;
  const { fs: fsys } = deps;
  const contentType = contentTypeOfSpec(spec) as ContentType | undefined;
  if (contentType === undefined || !cp.journal || !cp.blobs) throw new Error('Not an Office 365 export checkpoint.');
  const enc = encoderFor(spec.format, spec.header, spec.columns);
  const display = spec.format === 'csv' ? deps.category.display : undefined;
  const shape = (r: LogRecord): LogRecord => (display && !isUnreadable(r) ? display(r) : r);
  const keep = rowFilterFor(deps.category, spec.rowFilters);
  const journalState = cp.journal;
  const blobState = cp.blobs;
  let part: PartFile | undefined;
  let journal: ExportJournal | undefined;
  const writer = new CheckpointWriter(fsys, cp, deps.stats, deps.now);
  const commitPoint = () => writer.commit(part, journal);
  const report = () =>
    deps.onProgress?.({
      rows: cp.rows,
      windowsDone: cp.windows.filter((w) => w.status === 'done' || w.status === 'incomplete').length,
      windowsTotal: cp.windows.length,
      throttled: cp.stats.throttled,
      retries: cp.stats.retries,
      blobs: { done: cp.windows[cp.windowIndex]?.blobsDone ?? 0, listed: cp.windows[cp.windowIndex]?.blobsListed ?? 0 },
    });

  try {
    await prepareDestination(fsys, spec);
    let seen: { blobs: Set<string>; records: Set<string> };
    if (journalState.bytes > 0 || (await fsys.exists(journalState.path))) {
      const r = await ExportJournal.resume(fsys, journalState.path, journalState.bytes);
      journal = r.journal;
      seen = r.contents;
    } else {
      journal = await ExportJournal.create(fsys, journalState.path);
      seen = { blobs: new Set(), records: new Set() };
    }
    part = await reopenPart(fsys, cp, true);
    for (; cp.windowIndex < cp.windows.length; cp.windowIndex++) {
      const w = cp.windows[cp.windowIndex];
      if (w.status === 'done' || w.status === 'incomplete') continue;
      part = await beginWindow(fsys, cp, w, part, enc, writer);
      const open = cp.part!;
      let entries: readonly ContentEntry[];
      // Why the listing of this window is known to be short; its blobs that were listed still go out.
      let listingCut: string | undefined;
      try {
        entries = await deps.api.content(contentType, { startMs: w.fromMs, endMs: w.toMs + 1 });
      } catch (e) {
        if (e instanceof ListingCutShortError) {
          // As a Graph export does with a foreign nextLink (DESIGN rule 1): keep what was listed,
          // mark the window incomplete, go on with the next one.
          entries = e.entries;
          listingCut = `the content listing was cut short: ${e.cause.reason}`;
        } else {
          const why = windowProblem(e);
          if (!why) throw e;
          w.status = 'incomplete';
          w.reason = why;
          entries = [];
        }
      }
      // Written in the order the content became available, so an export is the same file every time.
      const unique = new Map<string, ContentEntry>();
      for (const e of entries) if (!unique.has(e.contentId)) unique.set(e.contentId, e);
      const ordered = [...unique.values()].sort((a, b) => a.contentCreated.localeCompare(b.contentCreated) || a.contentId.localeCompare(b.contentId));
      const todo = ordered.filter((e) => !seen.blobs.has(e.contentId));
      w.blobsListed = ordered.length;
      w.blobsDone = ordered.length - todo.length;
      report();
      const failures: string[] = [];
      for await (const { entry, got } of readInOrder(todo, Math.max(1, deps.concurrency ?? 4), (e) => deps.api.blob(e))) {
        if (deps.signal?.aborted) throw new AbortedError();
        if (!got.ok) {
          const why = blobProblem(got.error);
          if (!why) throw got.error;
          failures.push(why);
          // A blob that failed in an earlier run and fails again is listed once, with today's reason.
          blobState.failed = [...blobState.failed.filter((f) => f.contentId !== entry.contentId), { contentId: entry.contentId, error: why }];
          await commitPoint();
          continue;
        }
        const sorted = [...got.records].sort((a, b) => creationMs(a) - creationMs(b) || o365RecordKey(a).localeCompare(o365RecordKey(b)));
        const kept: LogRecord[] = [];
        for (const r of sorted) {
          const key = o365RecordKey(r);
          if (seen.records.has(key)) {
            cp.duplicatesDropped++;
            continue;
          }
          if (!keep(r)) {
            cp.filteredOut = (cp.filteredOut ?? 0) + 1;
            continue;
          }
          seen.records.add(key);
          kept.push(r);
          const t = creationMs(r);
          if (t > 0) {
            w.newestMs = w.newestMs === undefined ? t : Math.max(w.newestMs, t);
            w.oldestMs = w.oldestMs === undefined ? t : Math.min(w.oldestMs, t);
          }
        }
        if (kept.length > 0) await part.append(enc.records(kept.map(shape), open.rows));
        cp.unreadable = (cp.unreadable ?? 0) + kept.filter(isUnreadable).length;
        await journal.add(entry.contentId, kept.map(o365RecordKey));
        seen.blobs.add(entry.contentId);
        if (blobState.failed.some((f) => f.contentId === entry.contentId)) blobState.failed = blobState.failed.filter((f) => f.contentId !== entry.contentId);
        journalState.bytes = journal.size;
        blobState.fetched++;
        w.blobsDone = (w.blobsDone ?? 0) + 1;
        countWritten(cp, w, kept.length, part.size);
        await commitPoint();
        report();
      }
      if (w.status === 'active') {
        const reasons = [...(listingCut ? [listingCut] : []), ...(failures.length > 0 ? [`${failures.length} of ${ordered.length} content blobs could not be read (first: ${failures[0]})`] : [])];
        w.status = reasons.length > 0 ? 'incomplete' : 'done';
        if (reasons.length > 0) w.reason = reasons.join('; ');
      }
      part = await endWindow(cp, part, enc, writer, journal);
      report();
    }
    part = await endLastFile(cp, part, enc, writer, journal);
    await journal.close();
    journal = undefined;
    const outcome = await completeExport(fsys, cp, deps.now());
    await fsys.rm(journalState.path);
    return outcome;
  } catch (e) {
    await part?.close();
    await journal?.close();
    throw new ExportInterruptedError(e, checkpointPathOf(spec.destination), cp.rows, undefined);
  }
}
