/**
 * The export's state on disk, written atomically after every committed page. It names no secret
 * and no `$skiptoken` (they expire): a resume restarts the current window just below the oldest
 * record already written, and skips the records at that instant it already has.
 */
import { type CategoryId, type SourceKind } from '../catalog/types';
import type { RowFilters } from '../query/rowFilters';
import { writeFileAtomic } from './atomicFile';
import { type QueryHeader } from './document';
import { type ExportFs } from './exportFs';
import { type ExportFormat } from './formats';

export type Destination = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'folder'; readonly dir: string; readonly base: string };

export interface ExportSpec {
  /** The tenant's key in the extension (to get a token again on resume); never a secret. */
  readonly tenantKey: string;
  readonly categoryId: CategoryId;
  readonly graphOrigin: string;
  /** `$filter` without the time range (the category's fixed filter included). */
  readonly filterWithoutTime: string | undefined;
  readonly range: { readonly fromMs: number; readonly toMs: number } | undefined;
  readonly format: ExportFormat;
  /** CSV columns as `/` paths. */
  readonly columns?: readonly string[];
  readonly destination: Destination;
  /** `$top`; the category's default when unset. */
  readonly pageSize?: number;
  readonly header: QueryHeader;
  readonly extensionVersion: string;
  /**
   * The panel's client-side filters when the export came from a filtered panel and the user chose
   * its rows: applied to every record with the grid's own predicate, and named in the manifest.
   */
  readonly rowFilters?: RowFilters;
  /**
   * Days the service keeps these records (Graph reports: 7 without Entra ID P1, 30 with it). The
   * oldest edge is resolved when each window starts, not when the export is planned: a long export
   * would otherwise ask for a start that has since aged out. Unset: the service keeps years.
   */
  readonly retentionDays?: number;
  /**
   * The range starts at the retention edge itself ("All available", or a range that reached past
   * it when planned): records that age out before their window's turn were never part of what was
   * asked, so such a window is passed over as empty, not reported missing. A range that starts
   * later than the edge keeps its promise: a window of it that ages out is incomplete.
   */
  readonly startsAtRetentionEdge?: boolean;
  /**
   * The source's own part of the export, set by its adapter; absent for a Graph query. (Office 365
   * content, for example, names its content type: its windows are over availability time and each
   * is listed, then read blob by blob.)
   */
  readonly source?: SourceSpec;
}

/** Which source an export reads, with the parameters its adapter needs (strings, so it persists as is). */
export interface SourceSpec {
  readonly kind: SourceKind;
  readonly params: Readonly<Record<string, string>>;
}

export type WindowStatus = 'pending' | 'active' | 'done' | 'incomplete';

export interface WindowState {
  readonly fromMs: number;
  /** Set when retention cut this window's start later than `fromMs`: what it really covers from. */
  coveredFromMs?: number;
  readonly toMs: number;
  rows: number;
  status: WindowStatus;
  reason?: string;
  /** Newest and oldest record time written from this window. */
  newestMs?: number;
  oldestMs?: number;
  /** Folder mode: the file this window's rows go to. */
  file?: string;
  /** Office 365: content blobs listed in this window, and how many of them are written. */
  blobsListed?: number;
  blobsDone?: number;
}

export interface FileState {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

export interface ExportCheckpoint {
  readonly version: 1;
  readonly spec: ExportSpec;
  readonly startedAt: string;
  updatedAt: string;
  resumes: number;
  /** Untimed categories have one window with `fromMs = toMs = 0`. */
  readonly windows: WindowState[];
  windowIndex: number;
  /** Where the current window continues: at or below `toMs`, skipping `edgeIds` (already written). */
  cursor?: { toMs: number; edgeIds: string[] };
  /** The open partial file and what it holds. */
  part?: { target: string; bytes: number; rows: number; windowStartBytes: number; windowStartRows: number };
  readonly files: FileState[];
  rows: number;
  duplicatesDropped: number;
  /** Records the service sent that could not be read as records, written verbatim (in `rows`). */
  unreadable?: number;
  /** Records left out by `spec.rowFilters`. */
  filteredOut?: number;
  stats: { requests: number; retries: number; throttled: number; splits: number };
  /**
   * Office 365: an append-only journal next to the checkpoint of the blob ids written and the
   * record ids they held (a blob is never fetched twice, a repeated record never written twice).
   * Only its first `bytes` count; the rest was not committed. Kept apart so the checkpoint written
   * after every blob stays small however many blobs a week holds.
   */
  journal?: { readonly path: string; bytes: number };
  /** Office 365: blobs fetched over the whole export, and the ones that could not be read. */
  blobs?: { fetched: number; failed: { readonly contentId: string; readonly error: string }[] };
}

export function checkpointPathOf(d: Destination): string {
  return d.kind === 'file' ? `${d.path}.checkpoint.json` : `${d.dir}/${d.base}.checkpoint.json`;
}

export function journalPathOf(d: Destination): string {
  return d.kind === 'file' ? `${d.path}.journal` : `${d.dir}/${d.base}.journal`;
}

export function manifestPathOf(d: Destination): string {
  return d.kind === 'file' ? `${d.path}.manifest.json` : `${d.dir}/${d.base}.manifest.json`;
}

export class CheckpointError extends Error {
  readonly code = 'ExportCheckpoint';
}

/** Refuses to let a checkpoint go backwards: that would lose or repeat rows on the next resume. */
export function assertForward(prev: ExportCheckpoint | undefined, next: ExportCheckpoint): void {
  if (!prev) return;
  const back =
    next.rows < prev.rows ||
    next.windowIndex < prev.windowIndex ||
    (next.windowIndex === prev.windowIndex && prev.cursor && next.cursor && next.cursor.toMs > prev.cursor.toMs) ||
    next.files.length < prev.files.length ||
    (next.journal?.bytes ?? 0) < (prev.journal?.bytes ?? 0);
  if (back) throw new CheckpointError('An export checkpoint may only move forward.');
}

export async function saveCheckpoint(fsys: ExportFs, cp: ExportCheckpoint): Promise<void> {
  await writeFileAtomic(fsys, checkpointPathOf(cp.spec.destination), JSON.stringify(cp));
}

/** Reads a checkpoint; the file is ours but may be damaged or edited, so its shape is checked. */
export async function loadCheckpoint(fsys: ExportFs, file: string): Promise<ExportCheckpoint | undefined> {
  const text = await fsys.readFile(file);
  if (text === undefined) return undefined;
  let cp: unknown;
  try {
    cp = JSON.parse(text);
  } catch {
    throw new CheckpointError(`The export checkpoint ${file} is not valid JSON.`);
  }
  const c = cp as Partial<ExportCheckpoint>;
  if (c.version !== 1 || !c.spec || !Array.isArray(c.windows) || typeof c.windowIndex !== 'number' || typeof c.rows !== 'number' || !Array.isArray(c.files)) {
    throw new CheckpointError(`The export checkpoint ${file} is not one this version can resume.`);
  }
  return cp as ExportCheckpoint;
}
