/**
 * The results grid's row menu (VS Code's webview/context menu): each cell carries
 * `data-vscode-context` with its row and column id, so VS Code passes them here. The record is
 * looked up on the host; the webview never holds it.
 */
import * as vscode from 'vscode';
import { categoryById } from '../../../core/catalog/categories';
import { type GraphCategory } from '../../../core/catalog/types';
import { type FilterModel } from '../../../core/odata/model';
import { relatedModel } from '../../../core/detail/pivots';
import { networkQueries, type RelatedQuery, sessionQueries } from '../../../core/detail/relatedQueries';
import { pivotKeys, tokenOf } from '../../../core/query/rows';
import { isUnreadable, recordJson } from '../../../core/records/untrusted';
import { type QueryRunner } from '../../query/queryRunner';
import { type ResultsPanels } from '../../results/resultsPanels';
import { type ResultsPanel } from '../../results/resultsPanel';
import { type Command, defineCommand } from '../command';

interface RowContext {
  readonly rowId: string;
  readonly columnId: string;
}

/** The context VS Code hands a webview/context command: checked, since it came from the webview. */
function rowContext(arg: unknown): RowContext | undefined {
  const a = (typeof arg === 'object' && arg !== null ? arg : {}) as Record<string, unknown>;
  if (a.webviewSection !== 'row' || typeof a.rowId !== 'string' || a.rowId.length > 512) return undefined;
  return { rowId: a.rowId, columnId: typeof a.columnId === 'string' && a.columnId.length < 100 ? a.columnId : '' };
}

interface RowCommandDeps {
  readonly panels: ResultsPanels;
  readonly runner: QueryRunner;
}

interface RowTarget {
  readonly panel: ResultsPanel;
  readonly row: RowContext;
}

/** The row and column the menu was opened on, in the results panel that has focus. */
function rowArg(deps: RowCommandDeps) {
  return ([arg]: readonly unknown[]): RowTarget | undefined => {
    const row = rowContext(arg);
    const panel = deps.panels.target();
    return row && panel ? { panel, row } : undefined;
  };
}

async function copy(text: string | undefined, what: string): Promise<void> {
  if (text === undefined) return;
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`Copied ${what}.`, 2500);
}

const LAST_7_DAYS: FilterModel['time'] = { kind: 'last', hours: 168 };

/** A pivot opens in its own tab and leaves the report's default filter alone. */
async function pivot(deps: RowCommandDeps, panel: ResultsPanel, field: string, value: string, valueLabel?: string): Promise<ResultsPanel | undefined> {
  const category = categoryById('signIns.interactive') as GraphCategory;
  return deps.runner.start(panel.query.tenant, category, { time: LAST_7_DAYS, clauses: [{ field, op: 'eq', values: [value], ...(valueLabel ? { valueLabel } : {}) }], client: [] });
}

/** Related queries run as the detail panels run them: each a pivot in its own tab. */
async function runRelated(panel: ResultsPanel, queries: readonly RelatedQuery[]): Promise<(ResultsPanel | undefined)[]> {
  const opened: (ResultsPanel | undefined)[] = [];
  for (const q of queries) opened.push(await vscode.commands.executeCommand<ResultsPanel | undefined>('identityLogs.runQuery', { tenantKey: panel.query.tenant.key, category: q.category, model: relatedModel(q), pivot: true }));
  return opened;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The row menu's commands: one argument shape (the row), so they are one table. */
export function resultsRowCommands(deps: RowCommandDeps): Command[] {
  const on = (c: { id: string; run: (t: RowTarget) => Promise<unknown> }): Command => defineCommand({ id: c.id, args: rowArg(deps), run: c.run });
  const readableRecord = async (t: RowTarget) => {
    const r = await t.panel.record(t.row.rowId);
    return r && !isUnreadable(r) ? r : undefined;
  };
  return [
    on({ id: 'identityLogs.results.copyValue', run: async (t) => copy(await t.panel.cellText(t.row.rowId, t.row.columnId), 'the value') }),
    on({ id: 'identityLogs.results.copyRow', run: async (t) => copy(await t.panel.rowText(t.row.rowId), 'the row (visible columns, tab-separated)') }),
    on({ id: 'identityLogs.results.copyRowJson', run: async (t) => {
      const r = await t.panel.record(t.row.rowId);
      return copy(r ? recordJson(r, 2) : undefined, 'the record as JSON');
    } }),
    on({ id: 'identityLogs.results.copyId', run: async (t) => copy(await t.panel.recordId(t.row.rowId), 'the id') }),
    on({ id: 'identityLogs.results.openDetails', run: async (t) => t.panel.openRow(t.row.rowId) }),
    on({ id: 'identityLogs.results.userSignIns', run: async (t) => {
      const r = await readableRecord(t);
      const k = r ? pivotKeys(r) : {};
      if (k.userId) return pivot(deps, t.panel, 'userId', k.userId, k.userPrincipalName);
      if (k.userPrincipalName) return pivot(deps, t.panel, 'userPrincipalName', k.userPrincipalName.toLowerCase());
      return undefined;
    } }),
    on({ id: 'identityLogs.results.ipSignIns', run: async (t) => {
      const r = await readableRecord(t);
      const ip = r ? pivotKeys(r).ipAddress : undefined;
      return ip ? pivot(deps, t.panel, 'ipAddress', ip) : undefined;
    } }),
    on({ id: 'identityLogs.results.sessionSignIns', run: async (t) => {
      const r = await readableRecord(t);
      return r ? runRelated(t.panel, sessionQueries(r)) : undefined;
    } }),
    on({ id: 'identityLogs.results.networkSignIns', run: async (t) => {
      const r = await readableRecord(t);
      return r ? runRelated(t.panel, networkQueries(r)) : undefined;
    } }),
    // Every sign-in kind of the flow: Open Sign-in by ID asks all four and opens a tab for each that has it.
    on({ id: 'identityLogs.results.correlationSignIns', run: async (t) => {
      const r = await readableRecord(t);
      const id = typeof r?.correlationId === 'string' ? r.correlationId.trim() : '';
      return GUID.test(id) ? vscode.commands.executeCommand('identityLogs.openSignInById', { tenantKey: t.panel.query.tenant.key, id, asCorrelationId: true }) : undefined;
    } }),
    // A sign-in's token, or a Graph activity record's: the requests made with it, from a workspace.
    on({ id: 'identityLogs.results.tokenActivity', run: async (t) => {
      const r = await readableRecord(t);
      const token = r ? tokenOf(r) : undefined;
      const issued = r ? (typeof r.tokenIssuedAt === 'string' ? r.tokenIssuedAt : r.createdDateTime) : undefined;
      return token ? vscode.commands.executeCommand('identityLogs.tokenGraphActivity', { tenantKey: t.panel.query.tenant.key, token, issued }) : undefined;
    } }),
    on({ id: 'identityLogs.results.investigateIp', run: async (t) => {
      const r = await readableRecord(t);
      const address = r ? pivotKeys(r).ipAddress : undefined;
      return address ? vscode.commands.executeCommand('identityLogs.investigateIp', { tenantKey: t.panel.query.tenant.key, address }) : undefined;
    } }),
    on({ id: 'identityLogs.results.investigateSession', run: async (t) => {
      const r = await readableRecord(t);
      const k = r ? pivotKeys(r) : {};
      return r && typeof r.sessionId === 'string' && k.userId ? vscode.commands.executeCommand('identityLogs.investigateSession', { tenantKey: t.panel.query.tenant.key, userId: k.userId, sessionId: r.sessionId, label: k.userPrincipalName ?? k.userId }) : undefined;
    } }),
    on({ id: 'identityLogs.results.investigateUser', run: async (t) => {
      const r = await readableRecord(t);
      const k = r ? pivotKeys(r) : {};
      if (k.userId && GUID.test(k.userId)) return vscode.commands.executeCommand('identityLogs.investigateUser', { tenantKey: t.panel.query.tenant.key, userId: k.userId, label: k.userPrincipalName ?? k.userId });
      // A name alone: the command finds the user's object id from their sign-ins.
      return k.userPrincipalName ? vscode.commands.executeCommand('identityLogs.investigateUser', { tenantKey: t.panel.query.tenant.key, userPrincipalName: k.userPrincipalName }) : undefined;
    } }),
  ];
}
