/**
 * The manifest next to an export proves what it holds: the query, every window with its row count,
 * the record time span, each data file's SHA-256, and which windows are incomplete and why.
 */
import { type ExportCheckpoint } from './checkpoint';
import { describeFilters } from '../query/rowFilters';
import { type QueryHeader } from './document';
import { type ExportFormat } from './formats';

export interface ManifestWindow {
  readonly from: string;
  readonly to: string;
  readonly rows: number;
  readonly complete: boolean;
  readonly reason?: string;
  readonly newestRecord?: string;
  readonly oldestRecord?: string;
  readonly file?: string;
  /** Office 365: content blobs listed in the window and written from it. */
  readonly blobs?: { readonly listed: number; readonly written: number };
}

export interface ExportManifest {
  readonly manifest: 'identity-log-explorer/export/1';
  readonly extensionVersion: string;
  readonly query: QueryHeader;
  readonly endpoint: string;
  readonly filter: string | null;
  readonly format: ExportFormat;
  readonly columns?: readonly string[];
  /** The span covered: the planned range, its start moved later where retention required it. */
  readonly range: { readonly from: string; readonly to: string } | null;
  /** The range asked for, when retention moved its start (see `range`). */
  readonly plannedRange?: { readonly from: string; readonly to: string };
  readonly complete: boolean;
  readonly rows: number;
  readonly newestRecord: string | null;
  readonly oldestRecord: string | null;
  readonly files: readonly { readonly name: string; readonly rows: number; readonly bytes: number; readonly sha256: string }[];
  readonly windows: readonly ManifestWindow[];
  readonly incompleteWindows: readonly { readonly from: string; readonly to: string; readonly reason: string }[];
  readonly duplicatesDropped: number;
  /**
   * Client-side filters applied to every record (the panel's own, in words); empty when the export
   * holds every record the query returned.
   */
  readonly clientFilters: readonly string[];
  /** Records the query returned that the client-side filters left out. */
  readonly rowsFilteredOut: number;
  /** Of `rows`, records that could not be read as records: written exactly as the service sent them. */
  readonly unreadableRecords: number;
  /** Office 365: blobs read over the whole export, and each one that could not be read. */
  readonly blobs?: { readonly fetched: number; readonly failed: readonly { readonly contentId: string; readonly error: string }[] };
  readonly requests: { readonly total: number; readonly retries: number; readonly throttled: number; readonly narrowedWindows: number };
  readonly resumes: number;
  readonly startedAt: string;
  readonly finishedAt: string;
}

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

export function buildManifest(cp: ExportCheckpoint, finishedAtMs: number, baseName: (p: string) => string): ExportManifest {
  const timed = cp.spec.range !== undefined;
  const windows: ManifestWindow[] = cp.windows.map((w) => ({
    from: timed ? new Date(w.coveredFromMs ?? w.fromMs).toISOString() : '',
    to: timed ? new Date(w.toMs).toISOString() : '',
    rows: w.rows,
    complete: w.status === 'done',
    ...(w.status !== 'done' ? { reason: w.reason ?? 'not exported' } : {}),
    ...(w.newestMs !== undefined ? { newestRecord: iso(w.newestMs) } : {}),
    ...(w.oldestMs !== undefined ? { oldestRecord: iso(w.oldestMs) } : {}),
    ...(w.file ? { file: baseName(w.file) } : {}),
    ...(w.blobsListed !== undefined ? { blobs: { listed: w.blobsListed, written: w.blobsDone ?? 0 } } : {}),
  }));
  const newest = cp.windows.reduce<number | undefined>((m, w) => (w.newestMs === undefined ? m : m === undefined ? w.newestMs : Math.max(m, w.newestMs)), undefined);
  const oldest = cp.windows.reduce<number | undefined>((m, w) => (w.oldestMs === undefined ? m : m === undefined ? w.oldestMs : Math.min(m, w.oldestMs)), undefined);
  const incomplete = windows.filter((w) => !w.complete).map((w) => ({ from: w.from, to: w.to, reason: w.reason ?? 'not exported' }));
  return {
    manifest: 'identity-log-explorer/export/1',
    extensionVersion: cp.spec.extensionVersion,
    query: cp.spec.header,
    endpoint: cp.spec.header.category.endpoint,
    filter: cp.spec.header.filter,
    format: cp.spec.format,
    ...(cp.spec.columns ? { columns: cp.spec.columns } : {}),
    // What the export covers: retention may have moved the oldest window's start later than planned.
    range: cp.spec.range ? { from: new Date(Math.max(cp.spec.range.fromMs, ...cp.windows.map((w) => w.coveredFromMs ?? -Infinity))).toISOString(), to: new Date(cp.spec.range.toMs).toISOString() } : null,
    ...(cp.windows.some((w) => w.coveredFromMs !== undefined) ? { plannedRange: { from: new Date(cp.spec.range!.fromMs).toISOString(), to: new Date(cp.spec.range!.toMs).toISOString() } } : {}),
    complete: incomplete.length === 0,
    rows: cp.rows,
    newestRecord: iso(newest) ?? null,
    oldestRecord: iso(oldest) ?? null,
    files: cp.files.map((f) => ({ name: baseName(f.path), rows: f.rows, bytes: f.bytes, sha256: f.sha256 })),
    windows,
    incompleteWindows: incomplete,
    duplicatesDropped: cp.duplicatesDropped,
    unreadableRecords: cp.unreadable ?? 0,
    clientFilters: cp.spec.rowFilters ? describeFilters(cp.spec.rowFilters) : [],
    rowsFilteredOut: cp.filteredOut ?? 0,
    ...(cp.blobs ? { blobs: { fetched: cp.blobs.fetched, failed: cp.blobs.failed } } : {}),
    requests: { total: cp.stats.requests, retries: cp.stats.retries, throttled: cp.stats.throttled, narrowedWindows: cp.stats.splits },
    resumes: cp.resumes,
    startedAt: cp.startedAt,
    finishedAt: new Date(finishedAtMs).toISOString(),
  };
}
