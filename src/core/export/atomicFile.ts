/**
 * A data file that only appears under its name when it is complete (DESIGN rule 4): bytes go to
 * `<name>.partial` in the same folder, are fsynced, and the file is renamed into place at the end.
 * The SHA-256 is computed as bytes are written; a resumed file re-reads its committed prefix first.
 */
import * as crypto from 'crypto';
import * as path from 'path';
import { type ExportFs, type FileLike } from './exportFs';

export const PARTIAL_SUFFIX = '.partial';

export function partialPathOf(target: string): string {
  return `${target}${PARTIAL_SUFFIX}`;
}

export class PartFile {
  private hash = crypto.createHash('sha256');
  private bytes = 0;

  private constructor(
    private readonly fsys: ExportFs,
    readonly target: string,
    private readonly handle: FileLike,
  ) {}

  /** A new, empty partial file (an old one of the same name is replaced). */
  static async create(fsys: ExportFs, target: string): Promise<PartFile> {
    return new PartFile(fsys, target, await fsys.open(partialPathOf(target), 'w'));
  }

  /**
   * Continues a partial file from its last checkpoint: anything written after it (a page that was
   * not committed) is cut off, and the kept prefix is hashed again.
   */
  static async resume(fsys: ExportFs, target: string, committedBytes: number): Promise<PartFile> {
    const handle = await fsys.open(partialPathOf(target), 'r+');
    const file = new PartFile(fsys, target, handle);
    await handle.truncate(committedBytes);
    const buf = Buffer.allocUnsafe(1 << 20);
    let pos = 0;
    while (pos < committedBytes) {
      const { bytesRead } = await handle.read(buf, 0, Math.min(buf.length, committedBytes - pos), pos);
      if (bytesRead === 0) throw new Error(`The partial file ${partialPathOf(target)} is shorter than its checkpoint (${pos} of ${committedBytes} bytes).`);
      file.hash.update(buf.subarray(0, bytesRead));
      pos += bytesRead;
    }
    file.bytes = committedBytes;
    return file;
  }

  get size(): number {
    return this.bytes;
  }

  /** Appends text or bytes; a buffer may be reused by the caller once this has resolved. */
  async append(text: string | Buffer): Promise<void> {
    if (text.length === 0) return;
    const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    await writeAll(this.handle, data, this.bytes);
    this.hash.update(data);
    this.bytes += data.length;
  }

  /** Makes what was appended durable, before a checkpoint claims it. */
  sync(): Promise<void> {
    return this.handle.sync();
  }

  /** fsync, close, rename into place; returns the file's SHA-256 (hex) and size. */
  async commit(): Promise<{ sha256: string; bytes: number }> {
    await this.handle.sync();
    await this.handle.close();
    await this.fsys.rename(partialPathOf(this.target), this.target);
    await this.fsys.syncDir(path.dirname(this.target));
    return { sha256: this.hash.digest('hex'), bytes: this.bytes };
  }

  /** Closes without renaming; the partial file stays for a resume. */
  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** A write may be short (it is allowed to be, even for files): loop until every byte is down. */
async function writeAll(handle: FileLike, data: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    if (bytesWritten <= 0) throw new Error('The file system accepted no bytes.');
    done += bytesWritten;
  }
}

/**
 * Small files (manifest, checkpoint, saved documents): temp file, fsync, rename, then fsync the
 * folder, without which the rename itself may not survive a power cut (a checkpoint that vanishes
 * makes a resume start over). The temp name is fixed, so one left by a killed process is
 * overwritten and consumed by the next write.
 */
export async function writeFileAtomic(fsys: ExportFs, target: string, text: string): Promise<void> {
  const tmp = `${target}.tmp`;
  try {
    const h = await fsys.open(tmp, 'w');
    try {
      await writeAll(h, Buffer.from(text, 'utf8'), 0);
      await h.sync();
    } finally {
      await h.close();
    }
    await fsys.rename(tmp, target);
    await fsys.syncDir(path.dirname(target));
  } catch (e) {
    await fsys.rm(tmp).catch(() => undefined);
    throw e;
  }
}
