/**
 * The file operations an export needs, passed in so a test can make the disk fill up or refuse a
 * write part-way (root ignores permissions, and a real full disk cannot be arranged in a test).
 */
import * as fs from 'fs';

export interface FileLike {
  /** Writes at an explicit position: a file reopened with `r+` starts at 0, not at its end. */
  write(data: Buffer, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  truncate(length: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface ExportFs {
  /** `w`: create or empty; `r+`: open an existing file to continue it. */
  open(path: string, flags: 'w' | 'r+' | 'wx'): Promise<FileLike>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string): Promise<void>;
  readFile(path: string): Promise<string | undefined>;
  exists(path: string): Promise<boolean>;
  mkdir(path: string): Promise<void>;
  /** Makes a rename durable (the directory entry), where the platform allows it. */
  syncDir(path: string): Promise<void>;
}

export const NODE_FS: ExportFs = {
  open: (p, flags) => fs.promises.open(p, flags),
  rename: (a, b) => fs.promises.rename(a, b),
  rm: (p) => fs.promises.rm(p, { force: true }),
  readFile: async (p) => {
    try {
      return await fs.promises.readFile(p, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },
  exists: async (p) => {
    try {
      await fs.promises.access(p);
      return true;
    } catch {
      return false;
    }
  },
  mkdir: async (p) => void (await fs.promises.mkdir(p, { recursive: true })),
  syncDir: async (p) => {
    if (process.platform === 'win32') return;
    const h = await fs.promises.open(p, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  },
};
