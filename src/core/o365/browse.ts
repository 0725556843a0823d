/**
 * Browsing audit content: list every window, then fetch the blobs with bounded concurrency (the
 * client's pacer keeps the tenant under its limit), and merge the records: blobs are not in time
 * order and may repeat a record, so records are de-duplicated by Id and sorted newest first.
 */
import { diagnose, summarize } from '../diagnose/classify';
import { AbortedError } from '../http/clock';
import { isUnreadable, jsonText, type LogRecord } from '../records/untrusted';
import { type ContentType } from './contentTypes';
import { type ContentEntry, type ManageApi } from './manageApi';
import { type ContentWindow } from './windows';

export interface BrowseProgress {
  readonly windowsDone: number;
  readonly windows: number;
  readonly blobsListed: number;
  readonly blobsFetched: number;
  readonly records: number;
}

export interface BrowseOptions {
  /** Blobs fetched at once; 4 keeps well under the per-tenant rate. */
  readonly concurrency?: number;
  /** Blob ids already fetched (a resumed export): listed, not fetched again. */
  readonly skipContentIds?: ReadonlySet<string>;
  readonly onProgress?: (p: BrowseProgress) => void;
  /** Each blob as it arrives, in arrival order (an export writes it and checkpoints). */
  readonly onBlob?: (entry: ContentEntry, records: readonly LogRecord[]) => void | Promise<void>;
  readonly signal?: AbortSignal;
}

export interface BrowseResult {
  /** De-duplicated by Id, newest CreationTime first; unreadable records last. */
  readonly records: LogRecord[];
  readonly duplicates: number;
  readonly blobs: number;
  readonly failed: readonly { readonly contentId: string; readonly error: string }[];
}

/** Office 365 records carry `Id`; anything else is keyed by its text. */
export function o365RecordKey(r: LogRecord): string {
  if (isUnreadable(r)) return r.id;
  return typeof r.Id === 'string' ? r.Id : jsonText(r);
}

/** CreationTime has no zone (API-FACTS 3): it is UTC. */
export function creationMs(r: LogRecord): number {
  if (isUnreadable(r)) return 0;
  const t = typeof r.CreationTime === 'string' ? r.CreationTime : '';
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`) || 0;
}

/** Merges record lists: first copy of each Id wins, newest first, ties by Id so the order is stable. */
export function mergeRecords(lists: readonly (readonly LogRecord[])[]): { records: LogRecord[]; duplicates: number } {
  const seen = new Set<string>();
  const records: LogRecord[] = [];
  let duplicates = 0;
  for (const list of lists) {
    for (const r of list) {
      const id = o365RecordKey(r);
      if (seen.has(id)) {
        duplicates++;
        continue;
      }
      seen.add(id);
      records.push(r);
    }
  }
  records.sort((a, b) => creationMs(b) - creationMs(a) || o365RecordKey(a).localeCompare(o365RecordKey(b)));
  return { records, duplicates };
}

export async function browseContent(api: ManageApi, contentType: ContentType, windows: readonly ContentWindow[], options: BrowseOptions = {}): Promise<BrowseResult> {
  const entries: ContentEntry[] = [];
  let windowsDone = 0;
  let blobsFetched = 0;
  let recordCount = 0;
  const report = () => options.onProgress?.({ windowsDone, windows: windows.length, blobsListed: entries.length, blobsFetched, records: recordCount });
  const listed = new Set<string>();
  for (const w of windows) {
    if (options.signal?.aborted) throw new AbortedError();
    // A blob can show up in two adjacent windows' listings: fetch it once.
    for (const e of await api.content(contentType, w)) if (!listed.has(e.contentId)) {
      listed.add(e.contentId);
      entries.push(e);
    }
    windowsDone++;
    report();
  }
  const todo = entries.filter((e) => !options.skipContentIds?.has(e.contentId));
  // Kept in listing order, whatever order the blobs arrive in: a record that repeats across blobs
  // is then always taken from the same one.
  const results: LogRecord[][] = [];
  const failed: { contentId: string; error: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      if (options.signal?.aborted) throw new AbortedError();
      const index = next++;
      const entry = todo[index];
      try {
        const records = await api.blob(entry);
        results[index] = records;
        await options.onBlob?.(entry, records);
        recordCount += records.length;
      } catch (e) {
        if (e instanceof AbortedError) throw e;
        failed.push({ contentId: entry.contentId, error: summarize(diagnose(e)) });
      }
      blobsFetched++;
      report();
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? 4, todo.length || 1));
  await Promise.all(Array.from({ length: n }, worker));
  const merged = mergeRecords(results.filter((r) => r !== undefined));
  return { ...merged, blobs: todo.length, failed };
}
