import * as vscode from 'vscode';

/** An export that stopped before its end (cancel, crash, restart): its checkpoint can resume it. */
export interface PendingExport {
  readonly checkpointPath: string;
  /** "Interactive sign-ins · Contoso → signins.ndjson", for the pick list. */
  readonly label: string;
  readonly tenantKey: string;
  readonly startedAt: string;
}

const KEY = 'identityLogs.pendingExports';
/** Shows "Resume Export" in the palette and the Tenants view title only when there is one. */
export const HAS_PENDING_CONTEXT = 'identityLogs.hasPendingExports';

/**
 * The exports that can be resumed. An entry is added before the first byte is written and removed
 * when the export completes or is discarded, so a crash at any point leaves it listed.
 */
export class PendingExports {
  constructor(
    private readonly state: vscode.Memento,
    private readonly exists: (file: string) => Promise<boolean>,
  ) {}

  list(): PendingExport[] {
    const raw = this.state.get<unknown[]>(KEY) ?? [];
    return raw.flatMap((e) => {
      const p = e as Partial<PendingExport>;
      return typeof p.checkpointPath === 'string' && typeof p.label === 'string' && typeof p.tenantKey === 'string' && typeof p.startedAt === 'string' ? [p as PendingExport] : [];
    });
  }

  async add(e: PendingExport): Promise<void> {
    await this.write([...this.list().filter((p) => p.checkpointPath !== e.checkpointPath), e]);
  }

  async remove(checkpointPath: string): Promise<void> {
    await this.write(this.list().filter((p) => p.checkpointPath !== checkpointPath));
  }

  /** Drops entries whose checkpoint is gone (finished elsewhere, or deleted by the user). */
  async prune(): Promise<PendingExport[]> {
    const kept: PendingExport[] = [];
    for (const p of this.list()) if (await this.exists(p.checkpointPath)) kept.push(p);
    await this.write(kept);
    return kept;
  }

  private async write(list: PendingExport[]): Promise<void> {
    await this.state.update(KEY, list);
    await vscode.commands.executeCommand('setContext', HAS_PENDING_CONTEXT, list.length > 0);
  }
}

/**
 * After a crash or restart: sets the context key, and says once that unfinished exports can be
 * resumed (not awaited by activation).
 */
export async function offerPendingExports(pending: PendingExports): Promise<void> {
  const left = await pending.prune();
  if (left.length === 0) return;
  const what = left.length === 1 ? `The export ${left[0].label} did not finish.` : `${left.length} exports did not finish.`;
  const choice = await vscode.window.showInformationMessage(`${what} Its progress is kept: resume it to continue where it stopped.`, 'Resume Export');
  if (choice) await vscode.commands.executeCommand('identityLogs.resumeExport');
}
