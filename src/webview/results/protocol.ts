/** The typed messages between the results panel (host) and its webview app. */

import { parseRowFilters, type RowFilters } from '../../core/query/rowFilters';
import { type Pivots } from '../../core/query/rows';
import { flag, integer, list, none, nullable, object, oneOf, type RequestsOf, type RequestTable, text } from '../parse';

export interface ColumnInfo {
  readonly id: string;
  readonly label: string;
  readonly width: number;
  readonly kind?: 'datetime' | 'status' | 'number' | 'text' | 'enum';
}

/** One row as the webview sees it: display cells only, never the raw record. */
export interface RowData {
  /** The row's place in arrival order, as text: the host finds its record by it. */
  readonly id: string;
  /** Cell text by column id. */
  readonly cells: Readonly<Record<string, string>>;
  /** Sign-ins: the error code is not 0. */
  readonly failed: boolean;
  /** Sign-ins: applied conditional access policies as [name, result]. Absent when Graph left them out. */
  readonly ca?: ReadonlyArray<readonly [string, string]>;
  /** The service sent something that is not a readable record (opening it shows its text). */
  readonly unreadable?: true;
  /** Raw values of cells shown by a readable label (enum columns), for tooltips and Copy. */
  readonly raw?: Readonly<Record<string, string>>;
  /** What the row's menu can pivot on. */
  /** What the row's menu offers (rows.ts PIVOT_KEYS). */
  readonly pivots?: Pivots;
}

export interface ProgressInfo {
  readonly loaded: number;
  readonly pages: number;
  readonly throttled: number;
  readonly retries: number;
  readonly splits: number;
  readonly state: 'loading' | 'paused' | 'done' | 'cancelled' | 'failed';
  /** More pages exist (Load more / Load all make sense). */
  readonly more: boolean;
  readonly message?: string;
  /** Graph left applied CA policies out of the loaded sign-ins (no policy permission). */
  readonly caHidden?: boolean;
}

export interface InitInfo {
  readonly title: string;
  readonly categoryLabel: string;
  readonly tenantName: string;
  readonly filterText: string;
  readonly columns: readonly ColumnInfo[];
  readonly visibleColumns: readonly string[];
  readonly isSignIn: boolean;
  /** What the panel's query can be copied as (a Graph URL, curl, PowerShell, KQL); empty when it is not a query. */
  readonly copyFormats: readonly ('url' | 'curl' | 'powershell' | 'kql')[];
  /** The query can be saved in the tree. */
  readonly canSaveQuery: boolean;
  /** The query can be run again over another time range (a kept range of the histogram). */
  readonly canQueryRange: boolean;
  /** Bulk export, and what it streams (the button's tooltip); undefined where the source has none. */
  readonly exportHint?: string;
  /** The filters the grid starts with: the query's own client-side ones. */
  readonly clientFilters: RowFilters;
  /**
   * What the webview keeps for a window reload: the query (tenant key, report, filter), never a
   * record. Undefined where a restored tab could not run it again (Office 365 content).
   */
  readonly persist?: ResultsRestoreState;
}

export interface ResultsRestoreState {
  readonly tenantKey: string;
  readonly categoryId: string;
  readonly model: unknown;
}

/**
 * The grid's view as the host holds it: the webview holds only the rows in sight (and a margin),
 * asking for them by position. `version` changes when positions change meaning (a new sort or
 * filter); rows that arrive only add positions at the end.
 */
export interface ViewInfo {
  readonly version: number;
  /** Rows in the view (after the filters). */
  readonly total: number;
  /** Rows loaded. */
  readonly loaded: number;
  /** Conditional access policy names among the loaded rows, for the policy filter. */
  readonly policies: readonly string[];
  /** Windows of this view the host sends right after it (those in sight), by start: not to ask for. */
  readonly coming?: readonly number[];
  /** The top values of the report's facet columns among the view's rows; absent: unchanged since the last. */
  readonly facets?: readonly FacetInfo[];
  /** How the view's rows spread over time (sent with the facets); null: no row has a time. */
  readonly histogram?: HistogramInfo | null;
  /** The oldest time among the loaded rows: a kept range before it is not all loaded while more pages exist. */
  readonly oldestMs?: number;
}

export interface HistogramInfo {
  /** The time column the buckets are of (a brushed range filters it). */
  readonly column: string;
  readonly fromMs: number;
  readonly bucketMs: number;
  /** Rows per bucket: success, interrupted, failure, other. */
  readonly bars: readonly (readonly [number, number, number, number])[];
  /** Sign-ins: bars are split by outcome. */
  readonly outcomes: boolean;
}

export interface FacetInfo {
  readonly column: string;
  readonly label: string;
  /** `value` is what a field filter on the column compares; `label` is the cell's text. */
  readonly values: readonly { readonly value: string; readonly label: string; readonly count: number }[];
  /** Rows of the view with another non-empty value. */
  readonly others: number;
}

/** Rows of the view, from position `start`, answering `needRows`. */
export interface RowWindow {
  readonly version: number;
  readonly start: number;
  readonly rows: readonly RowData[];
}

/** The most rows one `needRows` may ask for. */
export const MAX_WINDOW = 1000;

/** A bulk export started from this panel, as the panel shows it. */
export interface ExportInfo {
  readonly state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Rows, days done and to go, throttle waits and ETA, or how it ended. */
  readonly text: string;
  /** Done: every window complete. */
  readonly complete?: boolean;
}

/** Host → webview. */
export type ResultsNotifications = {
  init: InitInfo;
  view: ViewInfo;
  window: RowWindow;
  progress: ProgressInfo;
  exportState: ExportInfo;
};

const ROW_ID = text(511);

/** Webview → host requests, each with the parser of its params (the webview renders hostile text). */
export const RESULTS_REQUESTS = {
  loadMore: none,
  loadAll: none,
  cancel: none,
  openRow: object({ id: ROW_ID }),
  setColumns: object({ visible: list(text(200), 99) }),
  copyAs: object({ format: oneOf('url', 'curl', 'powershell', 'kql') }),
  saveQuery: none,
  /**
   * How the grid shapes its rows: its sort (null: arrival order) and its client-side filter, with
   * the filter in words. The host computes the view from these (the webview never holds every
   * row), and "Open/Save as JSON" and exports use the same view, so they hold what the grid shows.
   */
  viewChanged: object({ sort: nullable(object({ column: text(200), descending: flag })), clientFilters: list(text(2999), 40), filters: parseRowFilters }),
  /** The rows at positions [start, start + count) of the view `version`; answered by a `window`. */
  /** Runs the panel's query again over a kept time range, in a tab of its own. */
  queryRange: object({ fromMs: integer(0, 2 ** 53), toMs: integer(1, 2 ** 53) }),
  needRows: object({ version: integer(0, 2 ** 31), start: integer(0, 2 ** 31), count: integer(1, MAX_WINDOW + 1) }),
  resultsJson: object({ action: oneOf('open', 'save') }),
  exportResults: none,
  cancelExport: none,
  openManifest: none,
  /** Ctrl+C on the focused row: the host copies its visible cells (raw values) to the clipboard. */
  copyRow: object({ id: ROW_ID }),
} satisfies RequestTable;

export type ResultsRequests = RequestsOf<typeof RESULTS_REQUESTS>;
