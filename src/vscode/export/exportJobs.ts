import * as path from 'path';
import * as vscode from 'vscode';
import { type CategorySpec } from '../../core/catalog/types';
import { checkpointPathOf, type ExportCheckpoint, type ExportSpec, loadCheckpoint } from '../../core/export/checkpoint';
import { type ExportFs } from '../../core/export/exportFs';
import { exportProgressText } from '../../core/export/progressText';
import { discardExport, ExportInterruptedError, type ExportOutcome, type ExportProgress } from '../../core/export/runExport';
import { type Logger } from '../../core/log/redact';
import { categoryOfSpec, exportsOf } from '../../core/sources/registry';
import { type SourceConnections, type SourceExporter } from '../../core/sources/source';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type TenantStore } from '../tenants/tenantStore';
import { showError } from '../ui/showError';
import { type PendingExport, type PendingExports } from './pendingExports';

export interface ExportJobsDeps {
  readonly store: TenantStore;
  readonly log: Logger;
  readonly channel: { show(preserveFocus?: boolean): void };
  readonly pending: PendingExports;
  readonly fs: ExportFs;
  /** A tenant's service clients, for whichever source an export reads. */
  readonly connect: (tenant: TenantConfig, signal: AbortSignal) => SourceConnections;
}

export type ExportState = { readonly state: 'running'; readonly progress?: ExportProgress } | { readonly state: 'done'; readonly outcome: ExportOutcome } | { readonly state: 'cancelled' | 'failed'; readonly rows: number; readonly message: string };

/** One running export: its progress as events, a way to cancel it, and its end. */
export interface ExportJob {
  readonly checkpointPath: string;
  readonly label: string;
  /** Where the rows go, as a person reads it: the file's name, or the folder. */
  readonly target: string;
  readonly onState: vscode.Event<ExportState>;
  /** The outcome, or undefined when it was cancelled or failed (the user has been told). */
  readonly done: Promise<ExportOutcome | undefined>;
  cancel(): void;
}

/**
 * Runs exports under a cancellable progress notification, and keeps each one listed as pending
 * (with its checkpoint) until it completes, so "Resume Export" can continue it after a cancel, a
 * crash or a restart.
 */
export class ExportJobs implements vscode.Disposable {
  private readonly running = new Map<string, ExportJob & { abort: AbortController }>();

  constructor(private readonly deps: ExportJobsDeps) {}

  /** Starts a new export (replacing an unfinished one to the same place). */
  async start(tenant: TenantConfig, category: CategorySpec, spec: ExportSpec): Promise<ExportJob> {
    const cpPath = checkpointPathOf(spec.destination);
    const old = await loadCheckpoint(this.deps.fs, cpPath).catch(() => undefined);
    if (old) await discardExport(this.deps.fs, old);
    return this.run(tenant, category, exportsOf(category).newExport(spec, Date.now()));
  }

  /** Continues an export from its checkpoint. */
  async resume(checkpointPath: string): Promise<ExportJob | undefined> {
    const busy = this.running.get(checkpointPath);
    if (busy) return busy;
    let cp: ExportCheckpoint | undefined;
    try {
      cp = await loadCheckpoint(this.deps.fs, checkpointPath);
    } catch (e) {
      await showError(this.deps.log, this.deps.channel, 'Cannot resume the export', e);
      return undefined;
    }
    if (!cp) {
      await this.deps.pending.remove(checkpointPath);
      void vscode.window.showWarningMessage('That export has no checkpoint any more: it finished, or its files were moved or deleted.');
      return undefined;
    }
    const tenant = this.deps.store.get(cp.spec.tenantKey);
    const category = categoryOfSpec(cp.spec);
    if (!tenant || !category) {
      void vscode.window.showErrorMessage('The tenant this export came from has been removed: add it again to resume, or discard the export.');
      return undefined;
    }
    cp.resumes++;
    return this.run(tenant, category, cp);
  }

  async discard(checkpointPath: string): Promise<void> {
    this.running.get(checkpointPath)?.cancel();
    const cp = await loadCheckpoint(this.deps.fs, checkpointPath).catch(() => undefined);
    if (cp) await discardExport(this.deps.fs, cp);
    await this.deps.pending.remove(checkpointPath);
  }

  jobs(): ExportJob[] {
    return [...this.running.values()];
  }

  private async run(tenant: TenantConfig, category: CategorySpec, start: ExportCheckpoint): Promise<ExportJob> {
    const cpPath = checkpointPathOf(start.spec.destination);
    const target = start.spec.destination.kind === 'file' ? path.basename(start.spec.destination.path) : `${start.spec.destination.dir}${path.sep}`;
    const label = `${category.label} · ${tenant.displayName} → ${target}`;
    const states = new vscode.EventEmitter<ExportState>();
    const abort = new AbortController();
    await this.deps.pending.add({ checkpointPath: cpPath, label, tenantKey: tenant.key, startedAt: start.startedAt });
    const done = this.execute(tenant, category, start, label, abort, states);
    const job = { checkpointPath: cpPath, label, target, onState: states.event, done, cancel: () => abort.abort(), abort };
    this.running.set(cpPath, job);
    void done.finally(() => {
      this.running.delete(cpPath);
      states.dispose();
    });
    return job;
  }

  private async execute(tenant: TenantConfig, category: CategorySpec, start: ExportCheckpoint, label: string, abort: AbortController, states: vscode.EventEmitter<ExportState>): Promise<ExportOutcome | undefined> {
    const cpPath = checkpointPathOf(start.spec.destination);
    const source = exportsOf(category);
    const connections = this.deps.connect(tenant, abort.signal);
    let exporter: SourceExporter;
    try {
      exporter = await source.openExport(connections, category);
    } catch (e) {
      states.fire({ state: 'failed', rows: start.rows, message: e instanceof Error ? e.message : 'Not signed in' });
      await showError(this.deps.log, this.deps.channel, `Cannot export from ${tenant.displayName}`, e);
      return undefined;
    }
    const runner = (onProgress: (p: ExportProgress) => void) => exporter.run({ fs: this.deps.fs, now: Date.now, signal: abort.signal, onProgress }, start);
    this.deps.log.info(`Export ${label}: ${start.resumes > 0 ? `resumed (${start.rows} rows already written)` : 'started'}; ${source.describeExport(start.spec)}`);
    try {
      const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting ${label}`, cancellable: true }, (progress, token) => {
        token.onCancellationRequested(() => abort.abort());
        let lastDone = 0;
        return runner((p) => {
          const fraction = p.windowsTotal > 0 ? p.windowsDone / p.windowsTotal : 0;
          progress.report({ message: exportProgressText(p), increment: Math.max(0, (fraction - lastDone) * 100) });
          lastDone = fraction;
          states.fire({ state: 'running', progress: p });
        });
      });
      await this.deps.pending.remove(cpPath);
      states.fire({ state: 'done', outcome });
      this.announce(outcome);
      return outcome;
    } catch (e) {
      return this.interrupted(e, cpPath, abort.signal.aborted, states);
    }
  }

  private announce(outcome: ExportOutcome): void {
    const m = outcome.manifest;
    const where = outcome.files.length === 1 ? path.basename(outcome.files[0]) : `${outcome.files.length} files`;
    const buttons = ['Open Manifest', 'Reveal in File Explorer'];
    this.deps.log.info(`Export finished: ${m.rows} rows in ${where}; complete ${String(m.complete)}; ${m.requests.total} requests, ${m.requests.retries} retries, ${m.requests.throttled} throttled.`);
    const act = (choice: string | undefined) => {
      if (choice === 'Open Manifest') void vscode.window.showTextDocument(vscode.Uri.file(outcome.manifestPath));
      if (choice === 'Reveal in File Explorer') void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(outcome.files[0] ?? outcome.manifestPath));
    };
    if (m.complete) {
      void vscode.window.showInformationMessage(`Exported ${m.rows.toLocaleString('en-US')} rows to ${where}. Complete: the manifest holds each file's SHA-256 and per-day counts.`, ...buttons).then(act);
    } else {
      const first = m.incompleteWindows[0];
      void vscode.window.showWarningMessage(`Exported ${m.rows.toLocaleString('en-US')} rows to ${where}, but ${m.incompleteWindows.length} of ${m.windows.length} time windows are incomplete (${first?.reason ?? 'see the manifest'}). The manifest lists them.`, ...buttons).then(act);
    }
  }

  private async interrupted(e: unknown, cpPath: string, cancelled: boolean, states: vscode.EventEmitter<ExportState>): Promise<undefined> {
    const rows = e instanceof ExportInterruptedError ? e.rows : 0;
    const act = (choice: string | undefined) => {
      if (choice === 'Resume') void this.resume(cpPath);
      if (choice === 'Discard') void this.discard(cpPath);
    };
    if (cancelled) {
      states.fire({ state: 'cancelled', rows, message: 'Cancelled' });
      this.deps.log.info(`Export cancelled at ${rows} rows; checkpoint ${cpPath}`);
      void vscode.window.showInformationMessage(`Export cancelled at ${rows.toLocaleString('en-US')} rows. Nothing is lost: Resume Export continues where it stopped.`, 'Resume', 'Discard').then(act);
      return undefined;
    }
    if (e instanceof ExportInterruptedError && (e.code === 'ExportDiskFull' || e.code === 'ExportNotWritable')) {
      states.fire({ state: 'failed', rows, message: e.message });
      this.deps.log.error(`Export stopped: ${e.message}`);
      void vscode.window.showErrorMessage(e.message, 'Resume', 'Discard').then(act);
      return undefined;
    }
    const cause = e instanceof ExportInterruptedError ? e.cause : e;
    states.fire({ state: 'failed', rows, message: cause instanceof Error ? cause.message : String(cause) });
    await showError(this.deps.log, this.deps.channel, `Export stopped at ${rows.toLocaleString('en-US')} rows (Resume Export continues it)`, cause);
    return undefined;
  }

  /** Pending exports for the pick list, with the ones running now marked. */
  pendingList(): (PendingExport & { running: boolean })[] {
    return this.deps.pending.list().map((p) => ({ ...p, running: this.running.has(p.checkpointPath) }));
  }

  dispose(): void {
    for (const job of this.running.values()) job.cancel();
  }
}
