import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { type Logger } from '../../core/log/redact';
import { SpillFile } from '../../core/records/spillFile';

/** Whether a process of this id is running (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The folder this extension host keeps its results panels' spill files in: one per process under
 * the extension's global storage, since every VS Code window shares that storage. A folder whose
 * process is gone (a crash, a killed window) is deleted when the next one starts.
 */
export class SpillFolder {
  readonly dir: string;

  constructor(globalStorage: string, log: Logger) {
    const root = path.join(globalStorage, 'loaded-rows');
    this.dir = path.join(root, `${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    for (const name of fs.readdirSync(root)) {
      const pid = Number(/^(\d+)-[0-9a-f]{8}$/.exec(name)?.[1]);
      if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) {
        fs.rmSync(path.join(root, name), { recursive: true, force: true });
        log.info('Deleted the loaded rows a closed window left behind.');
      }
    }
  }

  /** A new file for one panel's records. */
  newFile(): SpillFile {
    return new SpillFile(path.join(this.dir, `${crypto.randomUUID()}.rows`));
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
