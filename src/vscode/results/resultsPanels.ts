import type * as vscode from 'vscode';
import { type CategorySpec } from '../../core/catalog/types';
import { type RequestStats } from '../../core/http/client';
import { type Logger } from '../../core/log/redact';
import { type LogRecord } from '../../core/records/untrusted';
import { type QueryEnd, type QueryPage } from '../../core/query/runQuery';
import { QuerySession } from '../../core/query/session';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { markQueryAnswered } from '../walkthrough/walkthroughProgress';
import { type RecordDocuments } from './recordDocuments';
import { ResultsPanel } from './resultsPanel';
import { type ResultsQuery } from './resultsQuery';
import { type SpillFolder } from './spillFolder';
import { type Prompter } from '../ui/prompter';

/** Where a panel's pages come from: a Graph query, or Office 365 records already merged. */
export interface PageSource {
  readonly pages: (signal: AbortSignal, onSplit: () => void) => AsyncGenerator<QueryPage, QueryEnd, void>;
  readonly stats: RequestStats;
  /** Pages to load at once (Infinity: all of them). */
  readonly firstLoad: number;
  readonly saveQuery: () => Promise<void>;
}

export interface ResultsPanelsDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: Logger;
  readonly channel: { show(preserveFocus?: boolean): void };
  readonly records: RecordDocuments;
  /** Each report's chosen columns, kept across panels and sessions. */
  readonly columns: { columns(categoryId: string): readonly string[] | undefined; setColumns(categoryId: string, visible: readonly string[]): Promise<void> };
  /** Opens a record's detail panel (the sign-in, audit, risk or Office 365 panel that fits it). */
  readonly openDetail: (tenant: TenantConfig, category: CategorySpec, record: Record<string, unknown>) => Promise<void>;
  readonly extensionVersion: string;
  /** Where panels keep their loaded records. */
  readonly spill: SpillFolder;
  readonly prompter: Prompter;
}

/** The open results panels: creates them, keeps them in opening order, and names the one a command acts on. */
export class ResultsPanels {
  private readonly panels: ResultsPanel[] = [];

  constructor(private readonly deps: ResultsPanelsDeps) {}

  /** Opens a panel for a query and loads its first pages (a restored tab waits for Load more). */
  open(query: Omit<ResultsQuery, 'visibleColumns' | 'extensionVersion'>, source: PageSource, restored?: vscode.WebviewPanel): ResultsPanel {
    const { tenant, category } = query;
    const panel = new ResultsPanel(
      {
        extensionUri: this.deps.extensionUri,
        log: this.deps.log,
        channel: this.deps.channel,
        records: this.deps.records,
        saveColumns: (visible) => this.deps.columns.setColumns(category.id, visible),
        openDetail: (record) => this.deps.openDetail(tenant, category, record),
        saveQuery: source.saveQuery,
        keeper: this.deps.spill.newFile(),
        prompter: this.deps.prompter,
      },
      { ...query, visibleColumns: this.deps.columns.columns(category.id) ?? category.defaultColumns, extensionVersion: this.deps.extensionVersion },
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
    this.panels.push(panel);
    panel.onDidDispose(() => this.panels.splice(this.panels.indexOf(panel), 1));
    if (restored) panel.onProgress(panel.progress()!);
    else void panel.load(source.firstLoad);
    return panel;
  }

  /** The panel a command acts on: the one it was given, else the active one, else the newest. */
  target(arg?: unknown): ResultsPanel | undefined {
    if (arg instanceof ResultsPanel) return arg;
    return this.panels.find((p) => p.active) ?? this.panels[this.panels.length - 1];
  }

  /** Which of these sign-in request ids a grid of this tenant's Graph sign-ins shows. */
  signInsShown(tenantKey: string, requestIds: readonly string[]): string[] {
    const shown = new Set(this.signInPanels(tenantKey).flatMap((p) => p.loadedRows.holding(requestIds)));
    return requestIds.filter((id) => shown.has(id));
  }

  /**
   * Sign-ins read again after a verdict replace their rows in this tenant's Graph sign-in panels
   * (a grid must not keep showing "at risk" for a sign-in just confirmed safe). Returns the rows changed.
   */
  replaceSignIns(tenantKey: string, records: readonly LogRecord[]): number {
    return this.signInPanels(tenantKey).reduce((sum, p) => sum + p.loadedRows.replace(records), 0);
  }

  private signInPanels(tenantKey: string): ResultsPanel[] {
    return this.panels.filter((p) => p.query.tenant.key === tenantKey && p.query.category.source === 'graph' && p.query.category.group === 'Sign-ins');
  }

  /** Open panels, oldest first. */
  all(): readonly ResultsPanel[] {
    return this.panels;
  }
}
