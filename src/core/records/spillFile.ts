/**
 * Where a results panel keeps its loaded records: not in the extension host's memory (shared by
 * every extension the user runs, and a month of sign-ins is millions of records of about 3 KB),
 * but in an append-only file with an offset per record. Only the offsets stay in memory (8 bytes
 * a record); the file is deleted when the panel closes.
 */
import * as fs from 'fs';
import { type LogRecord, UnreadableRecord } from './untrusted';

/** Appended text waits in memory until it is this large, or until a read needs it. */
const FLUSH_BYTES = 1 << 20;

/** What the rows of a results panel are read back from. */
export interface RecordKeeper {
  append(record: LogRecord): void;
  /** Puts a newer version of a record in its place (a sign-in read again after a verdict). */
  replace(index: number, record: LogRecord): void;
  read(index: number): Promise<LogRecord | undefined>;
  /** Records by index, in the order asked. */
  readMany(indices: Uint32Array): Promise<LogRecord[]>;
  dispose(): void;
}

/**
 * Each record is one line: `R` and its JSON, or `U` and the JSON of [reason, raw text] for a record
 * that could not be read (kept verbatim). A record came from JSON.parse and is at most
 * MAX_RECORD_DEPTH deep, so it writes and reads back exactly.
 */
function line(record: LogRecord): string {
  return record instanceof UnreadableRecord ? `U${JSON.stringify([record.reason, record.raw])}\n` : `R${JSON.stringify(record)}\n`;
}

function parseLine(text: string): LogRecord {
  if (text.startsWith('U')) {
    const [reason, raw] = JSON.parse(text.slice(1)) as [string, string];
    return new UnreadableRecord(reason, raw);
  }
  return JSON.parse(text.slice(1)) as LogRecord;
}

export class SpillFile implements RecordKeeper {
  /** Byte offset of each record's line; one more entry than records (the end). */
  private offsets = new Float64Array(1025);
  private count = 0;
  private pending: string[] = [];
  private pendingBytes = 0;
  /** Writes run one after another; reads wait for the ones before them. */
  private writes: Promise<void> = Promise.resolve();
  private handle: Promise<fs.promises.FileHandle> | undefined;
  private failure: Error | undefined;
  private disposed = false;
  /**
   * Records read again since they were appended, by index: few (a verdict's sign-ins), so kept
   * in memory rather than rewriting the file's lines and offsets.
   */
  private readonly newer = new Map<number, string>();

  constructor(readonly path: string) {}

  append(record: LogRecord): void {
    if (this.disposed) return;
    const text = line(record);
    const bytes = Buffer.byteLength(text);
    if (this.count + 2 > this.offsets.length) {
      const next = new Float64Array(this.offsets.length * 2);
      next.set(this.offsets);
      this.offsets = next;
    }
    this.offsets[this.count + 1] = this.offsets[this.count] + bytes;
    this.count++;
    this.pending.push(text);
    this.pendingBytes += bytes;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  replace(index: number, record: LogRecord): void {
    if (this.disposed || !Number.isInteger(index) || index < 0 || index >= this.count) return;
    this.newer.set(index, line(record));
  }

  private open(): Promise<fs.promises.FileHandle> {
    // Owner-only: the records are the tenant's logs. 'wx+': read and write, never another file of the same name.
    this.handle ??= fs.promises.open(this.path, 'wx+', 0o600);
    return this.handle;
  }

  private flush(): Promise<void> {
    if (this.pending.length === 0) return this.writes;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    this.writes = this.writes.then(async () => {
      if (this.failure || this.disposed) return;
      try {
        const fh = await this.open();
        const buffer = Buffer.from(chunk);
        let written = 0;
        while (written < buffer.length) written += (await fh.write(buffer, written, buffer.length - written)).bytesWritten;
      } catch (e) {
        this.failure = e instanceof Error ? e : new Error(String(e));
      }
    });
    return this.writes;
  }

  private async ready(): Promise<fs.promises.FileHandle> {
    await this.flush();
    if (this.failure) throw new Error(`The loaded rows could not be kept on disk (${this.failure.message}).`);
    return this.open();
  }

  async read(index: number): Promise<LogRecord | undefined> {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    return (await this.readMany(Uint32Array.of(index)))[0];
  }

  async readMany(indices: Uint32Array): Promise<LogRecord[]> {
    if (indices.length === 0) return [];
    const fh = await this.ready();
    const out: LogRecord[] = [];
    // Neighbouring records (arrival order, or runs of it) are read together.
    for (let k = 0; k < indices.length; ) {
      let end = k + 1;
      while (end < indices.length && indices[end] === indices[end - 1] + 1 && this.offsets[indices[end] + 1] - this.offsets[indices[k]] <= FLUSH_BYTES) end++;
      const from = this.offsets[indices[k]];
      const to = this.offsets[indices[end - 1] + 1];
      const buffer = Buffer.alloc(to - from);
      let got = 0;
      while (got < buffer.length) {
        const { bytesRead } = await fh.read(buffer, got, buffer.length - got, from + got);
        if (bytesRead === 0) throw new Error('The file of loaded rows ended early.');
        got += bytesRead;
      }
      for (let i = k; i < end; i++) {
        const newer = this.newer.get(indices[i]);
        out.push(parseLine(newer ?? buffer.toString('utf8', this.offsets[indices[i]] - from, this.offsets[indices[i] + 1] - from - 1)));
      }
      k = end;
    }
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.pending = [];
    const handle = this.handle;
    // After the writes in flight: the file goes, whatever state they left it in.
    void this.writes.then(async () => {
      if (handle) await (await handle.catch(() => undefined))?.close().catch(() => undefined);
      await fs.promises.rm(this.path, { force: true }).catch(() => undefined);
    });
  }
}
