import * as vscode from 'vscode';
import { markQueryAnswered } from '../walkthrough/walkthroughProgress';
import { CategorySpec } from '../../core/catalog/types';
import { QueryEnd, QueryPage } from '../../core/query/runQuery';
import { QuerySession } from '../../core/query/session';
import { RequestStats } from '../../core/http/client';
import { TenantConfig } from '../../core/tenants/tenantConfig';
import { QueryDeps } from '../query/startQuery';
import { ResultsPanel, ResultsQuery } from './resultsPanel';

/**
 * A results panel fed by a page source (a Graph query, or Office 365 records already merged):
 * wired to the shared deps, registered among the open panels, and loading its first pages.
 */
export function openResultsPanel(
  deps: QueryDeps,
  tenant: TenantConfig,
  category: CategorySpec,
  query: ResultsQuery,
  source: { pages: (signal: AbortSignal, onSplit: () => void) => AsyncGenerator<QueryPage, QueryEnd, void>; stats: RequestStats; firstLoad: number; saveQuery: () => Promise<void> },
  restored?: vscode.WebviewPanel,
): ResultsPanel {
  const panel = new ResultsPanel(
    {
      extensionUri: deps.extensionUri,
      log: deps.log,
      channel: deps.channel,
      records: deps.records,
      saveColumns: (visible) => deps.queries.setColumns(category.id, visible),
      openDetail: deps.details.open ? (record) => deps.details.open?.(tenant, category, record) : undefined,
      saveQuery: source.saveQuery,
    },
    query,
    restored,
  );
  let answered = false;
  panel.attach(
    new QuerySession(source.pages, source.stats, {
      rows: (r) => {
        panel.onRows(r);
        if (!answered) markQueryAnswered(tenant);
        answered = true;
      },
      progress: (p) => panel.onProgress(p),
    }),
  );
  deps.panels.push(panel);
  panel.onDidDispose(() => deps.panels.splice(deps.panels.indexOf(panel), 1));
  // A restored tab waits for Load more; otherwise the first pages load now.
  if (restored) panel.onProgress(panel.progress()!);
  else void panel.load(source.firstLoad);
  return panel;
}
