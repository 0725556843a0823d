/**
 * Streams a category query to disk, window by window, page by page. After every page the data is
 * fsynced and a checkpoint saved, so an export killed at any moment resumes where it stopped with
 * nothing lost and nothing written twice; the data file appears under its name only when complete,
 * next to a manifest that proves what it holds.
 */
import * as path from 'path';
import { type CategorySpec } from '../catalog/types';
import { RetriesExhaustedError } from '../http/client';
import { AbortedError } from '../http/clock';
import { partialPathOf, PartFile, writeFileAtomic } from './atomicFile';
import { type WindowSource } from './windowSource';
import { checkpointPathOf, type ExportCheckpoint, type ExportSpec, manifestPathOf, type WindowState } from './checkpoint';
import { beginWindow, CheckpointWriter, countWritten, endLastFile, endWindow, prepareDestination } from './commitPoint';
import { type ExportFs } from './exportFs';
import { encoderFor } from './formats';
import { buildManifest, type ExportManifest } from './manifest';
import { dayWindows } from './windows';
import { clampToRetention, isRetentionRefusal } from './retention';
import { type ServiceError } from '../http/serviceError';
import { isUnreadable, type LogRecord } from '../records/untrusted';
import { isFiltering, type RowFilters, rowMatches } from '../query/rowFilters';
import { toDisplayRow } from '../query/rows';

export interface ExportProgress {
  readonly rows: number;
  readonly windowsDone: number;
  readonly windowsTotal: number;
  /** The instant the export has reached (it walks from newest to oldest). */
  readonly reachedMs?: number;
  readonly throttled: number;
  readonly retries: number;
  readonly etaMs?: number;
  /** Office 365: blobs written of those listed in the current day. */
  readonly blobs?: { readonly done: number; readonly listed: number };
}

/** What every export runner needs, whatever it reads from. */
export interface ExportRunDeps {
  readonly category: CategorySpec;
  readonly fs: ExportFs;
  readonly now: () => number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ExportProgress) => void;
}

export interface ExportDeps extends ExportRunDeps {
  readonly windows: WindowSource;
}

export interface ExportOutcome {
  readonly manifest: ExportManifest;
  readonly manifestPath: string;
  readonly files: readonly string[];
}

/** An export that stopped before its end; its checkpoint can resume it. */
export class ExportInterruptedError extends Error {
  readonly code: string;
  constructor(
    override readonly cause: unknown,
    readonly checkpointPath: string,
    readonly rows: number,
    /** The span already written, newest first from the range's end. */
    readonly reachedMs: number | undefined,
  ) {
    const disk = diskProblem(cause);
    super(disk ? disk.message : cause instanceof Error ? cause.message : String(cause));
    this.code = disk ? disk.code : 'ExportInterrupted';
  }
}

function diskProblem(e: unknown): { code: string; message: string } | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return { code: 'ExportDiskFull', message: 'The disk is full: the export stopped. Free some space and resume it; the partial data is kept next to the target, never under its name.' };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { code: 'ExportNotWritable', message: `The export cannot be written there (${code}). Choose a folder you can write to.` };
  return undefined;
}

export function newExport(spec: ExportSpec, nowMs: number): ExportCheckpoint {
  const windows: WindowState[] = spec.range ? dayWindows(spec.range).map((w) => ({ ...w, rows: 0, status: 'pending' })) : [{ fromMs: 0, toMs: 0, rows: 0, status: 'pending' }];
  const stamp = new Date(nowMs).toISOString();
  return { version: 1, spec, startedAt: stamp, updatedAt: stamp, resumes: 0, windows, windowIndex: 0, files: [], rows: 0, duplicatesDropped: 0, stats: { requests: 0, retries: 0, throttled: 0, splits: 0 } };
}

/**
 * The panel's client-side filters as a record predicate: the grid's own row mapping and predicate,
 * so the export holds exactly what the panel shows.
 */
export function rowFilterFor(category: CategorySpec, filters: RowFilters | undefined): (r: LogRecord) => boolean {
  if (!filters || !isFiltering(filters)) return () => true;
  return (r) => rowMatches(toDisplayRow(category, r), filters);
}

/** The next window this run will ask for, as it will ask it (no cursor: it has not started). */
function nextToAsk(cp: ExportCheckpoint, from: number): { fromMs: number; toMs: number } | undefined {
  const w = cp.windows.slice(from).find((x) => x.status !== 'done' && x.status !== 'incomplete');
  return w && { fromMs: w.coveredFromMs ?? w.fromMs, toMs: w.toMs };
}

const idOf = (r: LogRecord): string => (isUnreadable(r) ? r.id : String(r.id));


export async function runExport(deps: ExportDeps, cp: ExportCheckpoint): Promise<ExportOutcome> {
  const { spec } = cp;
  const { fs: fsys, category } = deps;
  const enc = encoderFor(spec.format, spec.header, spec.columns);
  const timed = spec.range !== undefined;
  // Checkpoints written before retention was recorded: report categories were planned at 30 days.
  const retentionDays = spec.retentionDays ?? (category.throttle === 'reports' ? 30 : undefined);
  const keep = rowFilterFor(category, spec.rowFilters);
  const started = deps.now();
  const startReached = reached(cp);
  let part: PartFile | undefined;
  const writer = new CheckpointWriter(fsys, cp, deps.windows.stats, deps.now);
  const commitPoint = () => writer.commit(part);
  const report = () => deps.onProgress?.(progressOf(cp, started, startReached, deps.now()));

  try {
    await prepareDestination(fsys, spec);
    part = await reopenPart(fsys, cp, timed);
    for (; cp.windowIndex < cp.windows.length; cp.windowIndex++) {
      // A cancel stops at the next window even when its rows are at hand already (asked ahead).
      if (deps.signal?.aborted) throw new AbortedError();
      const w = cp.windows[cp.windowIndex];
      if (w.status === 'done' || w.status === 'incomplete') continue;
      if (timed && clampToRetention(w, retentionDays, deps.now(), spec.startsAtRetentionEdge) === 'skip') {
        await commitPoint();
        report();
        continue;
      }
      part = await beginWindow(fsys, cp, w, part, enc, writer);
      const following = timed ? nextToAsk(cp, cp.windowIndex + 1) : undefined;
      if (following) deps.windows.ahead?.(following, deps.signal);
      const open = cp.part!;
      // Records at the resume instant that an earlier run already wrote; within a run, runQuery
      // itself drops the records that recur at window edges.
      const edge = new Set(cp.cursor?.edgeIds ?? []);
      const window = timed ? { fromMs: w.coveredFromMs ?? w.fromMs, toMs: cp.cursor?.toMs ?? w.toMs } : undefined;
      // A resume whose cursor has since fallen behind the retention edge: everything the service
      // still keeps of this window is written already.
      if (window && window.fromMs > window.toMs) w.status = 'done';
      else {
        const pages = deps.windows.pages(window, { signal: deps.signal, onSplit: () => writer.splits++ });
        try {
          let pending = pages.next();
          // Handled here too: if writing fails first, the page in flight must not be an unhandled rejection.
          pending.catch(() => undefined);
          for (;;) {
            const next = await pending;
            if (next.done) {
              w.status = next.value.incomplete ? 'incomplete' : 'done';
              if (next.value.incomplete) w.reason = next.value.incomplete.reason;
              break;
            }
            // The next page is fetched while this one is written and made durable: the network and
            // the disk work at the same time. Its records are not in this checkpoint, so a crash
            // now only means fetching it again.
            pending = pages.next();
            pending.catch(() => undefined);
            const kept: LogRecord[] = [];
            for (const r of next.value.records) {
              if (edge.size > 0 && edge.has(idOf(r))) cp.duplicatesDropped++;
              else if (!keep(r)) cp.filteredOut = (cp.filteredOut ?? 0) + 1;
              else kept.push(r);
            }
            if (kept.length === 0) continue;
            await part.append(enc.records(kept, open.rows));
            let cursor = cp.cursor ?? { toMs: w.toMs, edgeIds: [] };
            for (const r of kept) {
              if (isUnreadable(r)) {
                // Written verbatim and counted (DESIGN rule 2). It has no time of its own: it is
                // remembered at the current resume instant so that a resume does not repeat it.
                cp.unreadable = (cp.unreadable ?? 0) + 1;
                cursor.edgeIds.push(r.id);
                continue;
              }
              const t = deps.windows.timeOf(r);
              if (t === undefined) continue;
              w.newestMs = w.newestMs === undefined ? t : Math.max(w.newestMs, t);
              w.oldestMs = w.oldestMs === undefined ? t : Math.min(w.oldestMs, t);
              if (t < cursor.toMs) cursor = { toMs: t, edgeIds: [] };
              if (t === cursor.toMs) cursor.edgeIds.push(String(r.id));
            }
            if (timed) cp.cursor = cursor;
            countWritten(cp, w, kept.length, part.size);
            await commitPoint();
            report();
          }
        } catch (e) {
          if (e instanceof RetriesExhaustedError) {
            w.status = 'incomplete';
            w.reason = `Retry budget exhausted: ${e.message}`;
          } else if (isRetentionRefusal(e)) {
            // The tenant keeps less than we assumed (a tenant without P1 keeps 7 days): what Graph
            // refuses here it will refuse on every resume too, so it is recorded, not retried.
            w.status = 'incomplete';
            w.reason = `Graph refused this window as older than the tenant's retention: ${(e as ServiceError).serviceMessage}`;
          } else throw e;
        }
      }
      cp.cursor = undefined;
      part = await endWindow(cp, part, enc, writer);
      report();
    }
    part = await endLastFile(cp, part, enc, writer);
    return await completeExport(fsys, cp, deps.now());
  } catch (e) {
    await part?.close();
    throw new ExportInterruptedError(e, checkpointPathOf(spec.destination), cp.rows, reached(cp));
  }
}

/** Writes the manifest (atomically) and removes the checkpoint: the export is then complete on disk. */
export async function completeExport(fsys: ExportFs, cp: ExportCheckpoint, nowMs: number): Promise<ExportOutcome> {
  const manifest = buildManifest(cp, nowMs, (p) => path.basename(p));
  const manifestPath = manifestPathOf(cp.spec.destination);
  await writeFileAtomic(fsys, manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  await fsys.rm(checkpointPathOf(cp.spec.destination));
  return { manifest, manifestPath, files: cp.files.map((f) => f.path) };
}

/**
 * Reopens the partial file a checkpoint names. A crash between the rename into place and the next
 * checkpoint leaves the finished file under its name: it is taken back and finished again, so the
 * manifest's hash is always of bytes this run has seen.
 */
export async function reopenPart(fsys: ExportFs, cp: ExportCheckpoint, timed: boolean): Promise<PartFile | undefined> {
  const open = cp.part;
  if (!open) return undefined;
  if (!(await fsys.exists(partialPathOf(open.target))) && (await fsys.exists(open.target))) await fsys.rename(open.target, partialPathOf(open.target));
  const w = cp.windows[cp.windowIndex];
  if (!timed && w && w.status === 'active') {
    // Without a time to resume from, the window starts again: its rows are cut off and rewritten.
    const file = await PartFile.resume(fsys, open.target, open.windowStartBytes);
    cp.rows -= w.rows;
    open.rows = open.windowStartRows;
    open.bytes = open.windowStartBytes;
    w.rows = 0;
    delete w.newestMs;
    delete w.oldestMs;
    return file;
  }
  return PartFile.resume(fsys, open.target, open.bytes);
}

/** The oldest instant written so far (the export is contiguous from the range's end down to it). */
function reached(cp: ExportCheckpoint): number | undefined {
  if (!cp.spec.range) return undefined;
  if (cp.cursor) return cp.cursor.toMs;
  const w = cp.windows[cp.windowIndex];
  if (!w) return cp.spec.range.fromMs;
  return w.status === 'pending' || w.status === 'active' ? w.toMs + 1 : w.fromMs;
}

const ETA_AFTER_MS = 15_000;

function progressOf(cp: ExportCheckpoint, startedMs: number, startReached: number | undefined, nowMs: number): ExportProgress {
  const windowsDone = cp.windows.filter((w) => w.status === 'done' || w.status === 'incomplete').length;
  const at = reached(cp);
  let etaMs: number | undefined;
  const range = cp.spec.range;
  // The first seconds say little: the pacer lets a burst through, then settles to the service's rate.
  if (range && at !== undefined && startReached !== undefined && nowMs - startedMs >= ETA_AFTER_MS) {
    const span = range.toMs - range.fromMs || 1;
    const doneNow = (range.toMs - at) / span;
    const doneAtStart = (range.toMs - startReached) / span;
    const rate = (doneNow - doneAtStart) / Math.max(1, nowMs - startedMs);
    if (rate > 0) etaMs = Math.round((1 - doneNow) / rate);
  }
  return { rows: cp.rows, windowsDone, windowsTotal: cp.windows.length, reachedMs: at, throttled: cp.stats.throttled, retries: cp.stats.retries, etaMs };
}

/** Removes an unfinished export's checkpoint and partial file; finished files are left alone. */
export async function discardExport(fsys: ExportFs, cp: ExportCheckpoint): Promise<void> {
  if (cp.part) await fsys.rm(partialPathOf(cp.part.target));
  if (cp.journal) await fsys.rm(cp.journal.path);
  await fsys.rm(checkpointPathOf(cp.spec.destination));
}
