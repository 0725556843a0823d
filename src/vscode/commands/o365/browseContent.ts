import * as vscode from 'vscode';
import { type LogRecord } from '../../../core/records/untrusted';
import { diagnose, summarize } from '../../../core/diagnose/classify';
import { AbortedError } from '../../../core/http/clock';
import { ServiceError } from '../../../core/http/serviceError';
import { browseContent, type BrowseResult } from '../../../core/o365/browse';
import { o365Category } from '../../../core/o365/category';
import { type ContentType } from '../../../core/o365/contentTypes';
import { contentWindows, formatO365Time } from '../../../core/o365/windows';
import { EMPTY_FILTER } from '../../../core/odata/model';
import { newStats } from '../../../core/http/client';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type ResultsPanel } from '../../results/resultsPanel';
import { type ResultsPanels } from '../../results/resultsPanels';
import { showError } from '../../ui/showError';
import { type TenantContext } from '../../tenants/tenantContext';
import { o365Unavailable, type O365Subscriptions } from '../../o365/o365Subscriptions';
import { defineCommand } from '../command';
import { type ContentTarget, contentTargetArg } from './args';

const HOUR = 3_600_000;

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
export function browseContentCommand(deps: TenantContext & { readonly panels: ResultsPanels }, o365: O365Subscriptions) {
  return defineCommand({
    id: 'identityLogs.o365.browse',
    args: contentTargetArg(deps.store),
    run: async (t: ContentTarget, { prompter }): Promise<ResultsPanel | undefined> => {
      const why = o365Unavailable(t.tenant);
      if (why) {
        void vscode.window.showWarningMessage(why);
        return undefined;
      }
      if (o365.statusOf(t.tenant, t.contentType) !== undefined && o365.statusOf(t.tenant, t.contentType) !== 'enabled') {
        offerStart(t.tenant, t.contentType, `${t.contentType} is not subscribed in ${t.tenant.displayName}, so there is no content to list. After a first start, content can take up to 12 hours to appear.`);
        return undefined;
      }
      const hours = t.hours ?? (await prompter.pick(RANGES, { title: `Browse ${t.contentType} · ${t.tenant.displayName}`, placeHolder: 'Content that became available in…' }))?.hours;
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
  });
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
