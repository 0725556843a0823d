/**
 * The Office 365 export's journal: one line per blob written (`b"<contentId>"`) and per record
 * written (`r"<Id>"`), appended and fsynced with the data before the checkpoint counts it. Ids are
 * JSON strings because they come from the service and may hold anything, newlines included.
 */
import { type ExportFs, type FileLike } from '../export/exportFs';

export interface JournalContents {
  readonly blobs: Set<string>;
  readonly records: Set<string>;
}

export class ExportJournal {
  private constructor(
    private readonly handle: FileLike,
    private bytes: number,
  ) {}

  static async create(fsys: ExportFs, file: string): Promise<ExportJournal> {
    return new ExportJournal(await fsys.open(file, 'w'), 0);
  }

  /** Reopens a journal at its committed length: what came after is cut off, the rest read back. */
  static async resume(fsys: ExportFs, file: string, committedBytes: number): Promise<{ journal: ExportJournal; contents: JournalContents }> {
    const handle = await fsys.open(file, 'r+');
    const buf = Buffer.alloc(committedBytes);
    let pos = 0;
    while (pos < committedBytes) {
      const { bytesRead } = await handle.read(buf, pos, committedBytes - pos, pos);
      if (bytesRead === 0) {
        await handle.close();
        throw new Error(`The export journal ${file} is shorter than its checkpoint (${pos} of ${committedBytes} bytes).`);
      }
      pos += bytesRead;
    }
    await handle.truncate(committedBytes);
    return { journal: new ExportJournal(handle, committedBytes), contents: parseJournal(buf.toString('utf8')) };
  }

  get size(): number {
    return this.bytes;
  }

  async add(contentId: string, recordIds: readonly string[]): Promise<void> {
    const lines = [`b${JSON.stringify(contentId)}\n`, ...recordIds.map((id) => `r${JSON.stringify(id)}\n`)].join('');
    const data = Buffer.from(lines, 'utf8');
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.handle.write(data, done, data.length - done, this.bytes + done);
      if (bytesWritten <= 0) throw new Error('The file system accepted no bytes.');
      done += bytesWritten;
    }
    this.bytes += data.length;
  }

  sync(): Promise<void> {
    return this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

export function parseJournal(text: string): JournalContents {
  const blobs = new Set<string>();
  const records = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.length < 3) continue;
    const id = JSON.parse(line.slice(1)) as unknown;
    if (typeof id !== 'string') throw new Error('The export journal is damaged.');
    if (line[0] === 'b') blobs.add(id);
    else if (line[0] === 'r') records.add(id);
    else throw new Error('The export journal is damaged.');
  }
  return { blobs, records };
}
