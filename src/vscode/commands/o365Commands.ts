import * as vscode from 'vscode';
import { type LogRecord } from '../../core/records/untrusted';
import { diagnose, summarize } from '../../core/diagnose/classify';
import { AbortedError } from '../../core/http/clock';
import { ServiceError } from '../../core/http/serviceError';
import { browseContent, type BrowseResult } from '../../core/o365/browse';
import { o365Category } from '../../core/o365/category';
import { type ContentType, isContentType } from '../../core/o365/contentTypes';
import { StartThrottledError } from '../../core/o365/manageApi';
import { contentWindows, formatO365Time } from '../../core/o365/windows';
import { EMPTY_FILTER } from '../../core/odata/model';
import { newStats } from '../../core/http/client';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { o365Unavailable, type O365Subscriptions } from '../o365/o365Subscriptions';
import { type ResultsPanel } from '../results/resultsPanel';
import { type ResultsPanels } from '../results/resultsPanels';
import { type TenantContext } from '../tenants/tenantContext';
import { type Prompter } from '../ui/prompter';
import { showError } from '../ui/showError';
import { type Command } from './command';

const HOUR = 3_600_000;

/** A content type node, or `{ tenantKey, contentType, hours? }` without prompts. */
function target(deps: Pick<TenantContext, 'store'>, arg: unknown): { tenant: TenantConfig; contentType: ContentType; hours?: number } | undefined {
  const a = (typeof arg === 'object' && arg !== null ? arg : {}) as { tenant?: TenantConfig; tenantKey?: unknown; contentType?: unknown; hours?: unknown };
  const tenant = a.tenant ?? (typeof a.tenantKey === 'string' ? deps.store.get(a.tenantKey) : undefined);
  if (!tenant || !isContentType(a.contentType)) return undefined;
  return { tenant, contentType: a.contentType, hours: typeof a.hours === 'number' && a.hours > 0 ? a.hours : undefined };
}

export function startSubscriptionCommand(deps: TenantContext, o365: O365Subscriptions): Command {
  return {
    id: 'identityLogs.o365.startSubscription',
    run: async (arg?: unknown): Promise<string | undefined> => {
      const t = target(deps, arg);
      if (!t) return undefined;
      try {
        const r = await (await o365.api(t.tenant)).start(t.contentType);
        void vscode.window.showInformationMessage(
          r.alreadyEnabled ? `${t.contentType} was already subscribed in ${t.tenant.displayName}.` : `Subscribed to ${t.contentType} in ${t.tenant.displayName}. After a first start, content can take up to 12 hours to appear.`,
        );
        return r.alreadyEnabled ? 'alreadyEnabled' : 'started';
      } catch (e) {
        if (e instanceof StartThrottledError) {
          void vscode.window.showWarningMessage(`${t.contentType}: ${e.message}`);
          return 'throttled';
        }
        await showError(deps.log, deps.channel, `Could not start ${t.contentType}`, e);
        return 'failed';
      } finally {
        await o365.refresh(t.tenant);
      }
    },
  };
}

export function stopSubscriptionCommand(deps: TenantContext & { readonly prompter: Prompter }, o365: O365Subscriptions): Command {
  return {
    id: 'identityLogs.o365.stopSubscription',
    run: async (arg?: unknown): Promise<boolean> => {
      const t = target(deps, arg);
      if (!t) return false;
      const stop = await deps.prompter.confirm({
        message: `Stop the ${t.contentType} subscription of ${t.tenant.displayName}?`,
        detail: 'Content stops being made available to this publisher. Starting it again later is throttled to once per 15 minutes, and new content can take up to 12 hours to appear.',
        action: 'Stop Subscription',
      });
      if (!stop) return false;
      try {
        await (await o365.api(t.tenant)).stop(t.contentType);
        return true;
      } catch (e) {
        await showError(deps.log, deps.channel, `Could not stop ${t.contentType}`, e);
        return false;
      } finally {
        await o365.refresh(t.tenant);
      }
    },
  };
}

export function refreshSubscriptionsCommand(o365: O365Subscriptions): Command {
  return {
    id: 'identityLogs.o365.refresh',
    run: async (arg?: unknown) => {
      const node = arg as { tenant?: TenantConfig } | undefined;
      return node?.tenant ? o365.refresh(node.tenant) : undefined;
    },
  };
}

/** Not awaited: the command is done; the offer stays until the user answers or closes it. */
function offerStart(tenant: TenantConfig, contentType: ContentType, message: string): void {
  void vscode.window.showWarningMessage(message, 'Start Subscription').then((c) => {
    if (c === 'Start Subscription') void vscode.commands.executeCommand('identityLogs.o365.startSubscription', { tenantKey: tenant.key, contentType });
  });
}

const RANGES = [
  { label: 'Last hour', hours: 1 },
  { label: 'Last 6 hours', hours: 6 },
  { label: 'Last 24 hours', hours: 24 },
  { label: 'Last 3 days', hours: 72 },
  { label: 'Last 7 days', hours: 168, detail: 'The oldest the API keeps: content expires 7 days after it becomes available.' },
];

/**
 * "Browse Content…": lists the content type's blobs over 24-hour windows of availability time,
 * fetches them four at a time, merges and de-duplicates the records, and shows them in a results panel.
 */
export function browseContentCommand(deps: TenantContext & { readonly panels: ResultsPanels }, o365: O365Subscriptions): Command {
  return {
    id: 'identityLogs.o365.browse',
    run: async (arg?: unknown): Promise<ResultsPanel | undefined> => {
      const t = target(deps, arg);
      if (!t) return undefined;
      const why = o365Unavailable(t.tenant);
      if (why) {
        void vscode.window.showWarningMessage(why);
        return undefined;
      }
      if (o365.statusOf(t.tenant, t.contentType) !== undefined && o365.statusOf(t.tenant, t.contentType) !== 'enabled') {
        offerStart(t.tenant, t.contentType, `${t.contentType} is not subscribed in ${t.tenant.displayName}, so there is no content to list. After a first start, content can take up to 12 hours to appear.`);
        return undefined;
      }
      const hours = t.hours ?? (await vscode.window.showQuickPick(RANGES, { title: `Browse ${t.contentType} · ${t.tenant.displayName}`, placeHolder: 'Content that became available in…' }))?.hours;
      if (!hours) return undefined;
      const nowMs = Date.now();
      const windows = contentWindows(nowMs - hours * HOUR, nowMs, nowMs);
      let result: BrowseResult;
      try {
        result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${t.contentType} · ${t.tenant.displayName}`, cancellable: true }, async (progress, token) => {
          const abort = new AbortController();
          const sub = token.onCancellationRequested(() => abort.abort());
          try {
            const api = await o365.api(t.tenant, abort.signal);
            return await browseContent(api, t.contentType, windows, {
              concurrency: 4,
              signal: abort.signal,
              onProgress: (p) =>
                progress.report({ message: p.windowsDone < p.windows ? `listing window ${p.windowsDone + 1} of ${p.windows}…` : `blobs ${p.blobsFetched} of ${p.blobsListed} · ${p.records.toLocaleString('en-US')} records` }),
            });
          } finally {
            sub.dispose();
          }
        });
      } catch (e) {
        if (e instanceof AbortedError) return undefined;
        if (e instanceof ServiceError && e.code === 'AF20022') {
          offerStart(t.tenant, t.contentType, `${t.contentType}: ${summarize(diagnose(e))}`);
          return undefined;
        }
        await showError(deps.log, deps.channel, `Could not browse ${t.contentType}`, e);
        return undefined;
      }
      deps.log.info(`${t.contentType} of ${t.tenant.displayName}, ${formatO365Time(windows[0].startMs)}–${formatO365Time(nowMs)} UTC: ${result.blobs} blobs, ${result.records.length} records (${result.duplicates} repeated across blobs dropped), ${result.failed.length} blobs failed.`);
      for (const f of result.failed) deps.log.warn(`Blob ${f.contentId} not read: ${f.error}`);
      if (result.failed.length) void vscode.window.showWarningMessage(`${result.failed.length} of ${result.blobs} content blobs could not be read; the records shown are incomplete. ${result.failed[0].error}`, 'Show Log').then((c) => c && deps.channel.show(true));
      return showRecords(deps.panels, t.tenant, t.contentType, hours, nowMs, result);
    },
  };
}

function showRecords(panels: ResultsPanels, tenant: TenantConfig, contentType: ContentType, hours: number, nowMs: number, result: BrowseResult): ResultsPanel {
  const category = o365Category(contentType);
  const filterText = `available in the last ${hours <= 24 ? `${hours} h` : `${hours / 24} days`} · ${result.blobs} blobs · ${result.duplicates} repeats dropped${result.failed.length ? ` · ${result.failed.length} blobs failed` : ''}`;
  // The records are already merged in memory: hand them to the grid a page at a time.
  const records = result.records;
  const pages = async function* (): AsyncGenerator<{ records: LogRecord[]; pageNumber: number }, { splits: number }, void> {
    for (let i = 0, n = 1; i < records.length; i += 1000, n++) yield { records: records.slice(i, i + 1000), pageNumber: n };
    return { splits: 0 };
  };
  return panels.open(
    { tenant, category, model: { ...EMPTY_FILTER, time: { kind: 'last', hours } }, filter: undefined, filterText, graphOrigin: '', fetchedAtMs: nowMs, range: { fromMs: nowMs - hours * HOUR, toMs: nowMs } },
    { pages: () => pages(), stats: newStats(), firstLoad: Infinity, saveQuery: async () => undefined },
  );
}
