/**
 * An in-memory file system that can lose power, for the export's durability promises. It keeps
 * two views: what the running program sees, and what survives a power cut. As POSIX promises and
 * no more: a file's bytes survive only up to its last fsync, and a directory entry (a new file, a
 * rename, a removal) only once its directory is fsynced. The SIGKILL test cannot see these: a
 * killed process loses nothing the kernel already holds; a power cut loses all that was not synced.
 */
import * as path from 'path';
import type { ExportFs, FileLike } from '../../src/core/export/exportFs';

interface Node {
  live: Buffer;
  /** The bytes on the platter: as of the last fsync (none before the first). */
  durable: Buffer;
}

export class PowerLoss extends Error {
  constructor() {
    super('power lost');
  }
}

function enoent(p: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${p}'`), { code: 'ENOENT' });
}

export class PowerLossFs implements ExportFs {
  private readonly live = new Map<string, Node>();
  private readonly durable = new Map<string, Node>();
  private ops = 0;
  private dead = false;

  /** `crashAt`: the operation (counted from 1) that never completes; every later one fails too. */
  constructor(private readonly crashAt = Infinity) {}

  /** File operations run so far (to choose where a later run crashes). */
  get operations(): number {
    return this.ops;
  }

  get crashed(): boolean {
    return this.dead;
  }

  /** The machine after power returns: only what was durable, as a new file system that does not crash. */
  afterPowerLoss(crashAt = Infinity): PowerLossFs {
    const next = new PowerLossFs(crashAt);
    for (const [p, node] of this.durable) {
      const copy = { live: Buffer.from(node.durable), durable: Buffer.from(node.durable) };
      next.live.set(p, copy);
      next.durable.set(p, copy);
    }
    return next;
  }

  /** What the program would read under a name now (tests compare it). */
  contents(p: string): Buffer | undefined {
    return this.live.get(path.resolve(p))?.live;
  }

  names(): string[] {
    return [...this.live.keys()].sort();
  }

  private step(): void {
    if (this.dead) throw new PowerLoss();
    if (++this.ops >= this.crashAt) {
      this.dead = true;
      throw new PowerLoss();
    }
  }

  async open(p: string, flags: 'w' | 'r+' | 'wx'): Promise<FileLike> {
    this.step();
    const key = path.resolve(p);
    let node = this.live.get(key);
    if (flags === 'wx' && node) throw Object.assign(new Error(`EEXIST: file already exists, '${p}'`), { code: 'EEXIST' });
    if (flags === 'r+' && !node) throw enoent(p);
    if (!node) {
      node = { live: Buffer.alloc(0), durable: Buffer.alloc(0) };
      this.live.set(key, node);
    } else if (flags === 'w') node.live = Buffer.alloc(0);
    return this.handle(node);
  }

  private handle(node: Node): FileLike {
    return {
      write: async (data, offset, length, position) => {
        this.step();
        const end = position + length;
        if (end > node.live.length) node.live = Buffer.concat([node.live, Buffer.alloc(end - node.live.length)]);
        data.copy(node.live, position, offset, offset + length);
        return { bytesWritten: length };
      },
      read: async (buffer, offset, length, position) => {
        this.step();
        const n = Math.max(0, Math.min(length, node.live.length - position));
        node.live.copy(buffer, offset, position, position + n);
        return { bytesRead: n };
      },
      truncate: async (length) => {
        this.step();
        node.live = length <= node.live.length ? Buffer.from(node.live.subarray(0, length)) : Buffer.concat([node.live, Buffer.alloc(length - node.live.length)]);
      },
      sync: async () => {
        this.step();
        node.durable = Buffer.from(node.live);
      },
      close: async () => {
        // Closing neither syncs nor can fail here; it is not an operation a crash can interrupt.
      },
    };
  }

  async rename(from: string, to: string): Promise<void> {
    this.step();
    const a = path.resolve(from);
    const node = this.live.get(a);
    if (!node) throw enoent(from);
    this.live.delete(a);
    this.live.set(path.resolve(to), node);
  }

  async rm(p: string): Promise<void> {
    this.step();
    this.live.delete(path.resolve(p));
  }

  async readFile(p: string): Promise<string | undefined> {
    this.step();
    return this.live.get(path.resolve(p))?.live.toString('utf8');
  }

  async exists(p: string): Promise<boolean> {
    this.step();
    return this.live.has(path.resolve(p));
  }

  async mkdir(): Promise<void> {
    this.step();
  }

  /** The directory's entries as they are now become the ones that survive. */
  async syncDir(dir: string): Promise<void> {
    this.step();
    const d = path.resolve(dir);
    for (const key of [...this.durable.keys()]) if (path.dirname(key) === d && !this.live.has(key)) this.durable.delete(key);
    for (const [key, node] of this.live) if (path.dirname(key) === d) this.durable.set(key, node);
  }
}
