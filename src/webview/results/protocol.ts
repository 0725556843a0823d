/** The typed messages between the results panel (host) and its webview app. */

import { parseRowFilters, type RowFilters } from '../../core/query/rowFilters';

export interface ColumnInfo {
  readonly id: string;
  readonly label: string;
  readonly width: number;
  readonly kind?: 'datetime' | 'status' | 'number' | 'text' | 'enum';
}

/** One row as the webview sees it: display cells only, never the raw record. */
export interface RowData {
  /** Record id (opening a row asks the host for it by id). */
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
  readonly pivots?: { readonly user?: true; readonly ip?: true };
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
  /** False for Office 365 content: no Graph query to copy or save in the tree (it is still exported). */
  readonly graphQuery: boolean;
  readonly clientFilters: { readonly failuresOnly: boolean };
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
  rows: { readonly rows: readonly RowData[] };
  progress: ProgressInfo;
  exportState: ExportInfo;
};

/** Webview → host requests (replies matched by id). */
export type ResultsRequests = {
  loadMore: { params: Record<string, never>; result: void };
  loadAll: { params: Record<string, never>; result: void };
  cancel: { params: Record<string, never>; result: void };
  openRow: { params: { readonly id: string }; result: void };
  setColumns: { params: { readonly visible: readonly string[] }; result: void };
  copyAs: { params: { readonly format: 'url' | 'curl' | 'powershell' }; result: void };
  saveQuery: { params: Record<string, never>; result: void };
  /**
   * What the grid shows, so "Open/Save as JSON" save exactly that: the ids in view order when rows
   * are filtered or sorted (null: all loaded rows, in the order they came), and the filters in words.
   */
  /** `filters` is the grid's client-side filter (exports apply it too); `clientFilters` says it in words. */
  viewChanged: { params: { readonly ids: readonly string[] | null; readonly clientFilters: readonly string[]; readonly filters: RowFilters }; result: void };
  resultsJson: { params: { readonly action: 'open' | 'save' }; result: void };
  exportResults: { params: Record<string, never>; result: void };
  cancelExport: { params: Record<string, never>; result: void };
  openManifest: { params: Record<string, never>; result: void };
  /** Ctrl+C on the focused row: the host copies its visible cells (raw values) to the clipboard. */
  copyRow: { params: { readonly id: string }; result: void };
};

export const RESULTS_REQUEST_METHODS: readonly (keyof ResultsRequests)[] = ['loadMore', 'loadAll', 'cancel', 'openRow', 'setColumns', 'copyAs', 'saveQuery', 'viewChanged', 'resultsJson', 'exportResults', 'cancelExport', 'openManifest', 'copyRow'];

const MAX_VIEW_IDS = 5_000_000;

/** Validates a request's params at the trust boundary (the webview renders hostile text). */
export function validResultsParams(method: keyof ResultsRequests, params: unknown): boolean {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  switch (method) {
    case 'openRow':
    case 'copyRow':
      return typeof p.id === 'string' && p.id.length < 512;
    case 'setColumns':
      return Array.isArray(p.visible) && p.visible.length < 100 && p.visible.every((v) => typeof v === 'string');
    case 'copyAs':
      return p.format === 'url' || p.format === 'curl' || p.format === 'powershell';
    case 'viewChanged':
      return (
        (p.ids === null || (Array.isArray(p.ids) && p.ids.length <= MAX_VIEW_IDS && p.ids.every((id) => typeof id === 'string' && id.length < 512))) &&
        Array.isArray(p.clientFilters) &&
        p.clientFilters.length <= 10 &&
        p.clientFilters.every((f) => typeof f === 'string' && f.length < 1000) &&
        parseRowFilters(p.filters) !== undefined
      );
    case 'resultsJson':
      return p.action === 'open' || p.action === 'save';
    default:
      return true;
  }
}
