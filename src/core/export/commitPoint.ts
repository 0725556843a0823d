/**
 * What both export runners (Graph queries and Office 365 content) do at their commit points: make
 * the written bytes durable, then save a checkpoint that may only move forward; and how a window
 * starts writing. One copy, so both keep the same guarantees.
 */
import * as path from 'path';
import { type RequestStats } from '../http/client';
import { PartFile } from './atomicFile';
import { assertForward, type ExportCheckpoint, type ExportSpec, saveCheckpoint, type WindowState } from './checkpoint';
import { type ExportFs } from './exportFs';
import { type Encoder, FORMAT_EXTENSIONS } from './formats';
import { dayLabel } from './windows';

export class CheckpointWriter {
  private last: ExportCheckpoint | undefined;
  private readonly baseStats: ExportCheckpoint['stats'];
  private readonly clientBase: RequestStats;
  /** Windows narrowed in this run (Graph only). */
  splits = 0;

  constructor(
    private readonly fsys: ExportFs,
    private readonly cp: ExportCheckpoint,
    /** The client's live counters; the checkpoint adds this run's share to what earlier runs did. */
    private readonly stats: RequestStats,
    private readonly now: () => number,
  ) {
    this.baseStats = { ...cp.stats };
    this.clientBase = { ...stats };
  }

  /** fsyncs every open file first: a checkpoint never claims bytes the disk may not hold. */
  async commit(...durable: readonly ({ sync(): Promise<void> } | undefined)[]): Promise<void> {
    for (const d of durable) if (d) await d.sync();
    const { cp, stats: s, baseStats: b, clientBase: c } = this;
    cp.stats = { requests: b.requests + s.requests - c.requests, retries: b.retries + s.retries - c.retries, throttled: b.throttled + s.throttled - c.throttled, splits: b.splits + this.splits };
    cp.updatedAt = new Date(this.now()).toISOString();
    assertForward(this.last, cp);
    await saveCheckpoint(this.fsys, cp);
    this.last = snapshot(cp);
  }
}

/** Counts rows just appended: to the window, the open file and the export (both runners). */
export function countWritten(cp: ExportCheckpoint, w: WindowState, rows: number, partBytes: number): void {
  w.rows += rows;
  cp.rows += rows;
  if (cp.part) {
    cp.part.rows += rows;
    cp.part.bytes = partBytes;
  }
}

/** Folder mode: the folder may be new (named in the save dialog) or gone since a cancel. */
export async function prepareDestination(fsys: ExportFs, spec: ExportSpec): Promise<void> {
  if (spec.destination.kind === 'folder') await fsys.mkdir(spec.destination.dir);
}

/**
 * Gets a window ready to write: opens its data file when none is open (writing the format's
 * header), and the first time, marks it active and commits where it starts in the file.
 */
export async function beginWindow(fsys: ExportFs, cp: ExportCheckpoint, w: WindowState, part: PartFile | undefined, enc: Encoder, writer: CheckpointWriter): Promise<PartFile> {
  const target = fileForWindow(cp.spec, w);
  if (!part) {
    part = await PartFile.create(fsys, target);
    await part.append(enc.header());
    cp.part = { target, bytes: part.size, rows: 0, windowStartBytes: part.size, windowStartRows: 0 };
  }
  const open = cp.part!;
  if (w.status === 'pending') {
    open.windowStartBytes = part.size;
    open.windowStartRows = open.rows;
    w.status = 'active';
    if (cp.spec.destination.kind === 'folder') w.file = target;
    await writer.commit(part);
  }
  return part;
}

/** The data file a window writes to. */
export function fileForWindow(spec: ExportSpec, w: WindowState): string {
  const d = spec.destination;
  if (d.kind === 'file') return d.path;
  const ext = FORMAT_EXTENSIONS[spec.format];
  return path.join(d.dir, spec.range ? `${d.base}-${dayLabel(w.fromMs)}.${ext}` : `${d.base}.${ext}`);
}

/** What `assertForward` compares the next checkpoint with (the mutable parts copied). */
export function snapshot(cp: ExportCheckpoint): ExportCheckpoint {
  return { ...cp, cursor: cp.cursor ? { toMs: cp.cursor.toMs, edgeIds: [] } : undefined, files: [...cp.files], journal: cp.journal ? { ...cp.journal } : undefined };
}

/** Closes a data file: footer, fsync, rename into place, and its hash recorded in the checkpoint. */
export async function finishPart(part: PartFile, enc: Encoder, cp: ExportCheckpoint): Promise<void> {
  await part.append(enc.footer());
  const rows = cp.part?.rows ?? 0;
  const { sha256, bytes } = await part.commit();
  cp.files.push({ path: part.target, rows, bytes, sha256 });
  cp.part = undefined;
}

/** Ends a window: in folder mode its file is complete and goes into place. Then a commit. */
export async function endWindow(cp: ExportCheckpoint, part: PartFile | undefined, enc: Encoder, writer: CheckpointWriter, ...durable: readonly { sync(): Promise<void> }[]): Promise<PartFile | undefined> {
  if (part && cp.spec.destination.kind === 'folder') {
    await finishPart(part, enc, cp);
    part = undefined;
  }
  await writer.commit(part, ...durable);
  return part;
}

/** After the last window: the one file of a single-file export is complete and goes into place. */
export async function endLastFile(cp: ExportCheckpoint, part: PartFile | undefined, enc: Encoder, writer: CheckpointWriter, ...durable: readonly { sync(): Promise<void> }[]): Promise<undefined> {
  if (!part) return undefined;
  await finishPart(part, enc, cp);
  await writer.commit(...durable);
  return undefined;
}
