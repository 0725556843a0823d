/**
 * The sign-in that issued a token, found in a workspace by its unique token identifier: Graph
 * cannot filter sign-ins on it, a workspace's sign-in tables keep it as a column. What a Graph
 * request's "which sign-in gave this token?" reads.
 */
import { compileKql } from './compile';
import { type LogAnalyticsApi } from './queryApi';
import { workspaceTable, type WorkspaceTableName } from './tables';
import { toGraphShape } from './toGraph';
import { readable } from '../records/untrusted';

const MINUTE = 60_000;
/** The tables a token's sign-in can be in, most likely first (a refreshed token is non-interactive). */
export const TOKEN_SIGN_IN_TABLES: readonly WorkspaceTableName[] = ['AADNonInteractiveUserSignInLogs', 'SigninLogs', 'AADServicePrincipalSignInLogs', 'AADManagedIdentitySignInLogs'];

export interface TokenSignIn {
  readonly table: WorkspaceTableName;
  readonly record: Record<string, unknown>;
}

/**
 * Looks in each of `tables` (those the workspace receives) for the sign-in with this token, around
 * when it was issued (the workspace receives a row minutes after the sign-in), or over the last 30
 * days when that is unknown. Undefined when none has it.
 */
export async function findTokenSignIn(api: LogAnalyticsApi, workspace: { readonly id: string; readonly name: string }, tables: readonly WorkspaceTableName[], token: string, issuedMs: number | undefined, nowMs: number, signal?: AbortSignal): Promise<TokenSignIn | undefined> {
  const time = issuedMs !== undefined && Number.isFinite(issuedMs) ? { kind: 'between' as const, from: new Date(issuedMs - 5 * MINUTE).toISOString(), to: new Date(Math.min(nowMs, issuedMs + 30 * MINUTE)).toISOString() } : { kind: 'last' as const, hours: 24 * 30 };
  for (const name of tables) {
    const table = workspaceTable(name);
    if (!table) continue;
    const compiled = compileKql(table, { time, clauses: [{ field: 'uniqueTokenIdentifier', op: 'eq', values: [token] }], client: [] }, { nowMs });
    if (compiled.problems.length > 0) throw new Error(compiled.problems[0].message);
    const result = await api.query({ workspaceId: workspace.id, query: `${compiled.query}\n| take 1`, timespan: compiled.timespan, signal });
    const [record] = readable(result.records.map((r) => toGraphShape(r, { workspaceId: workspace.id, workspaceName: workspace.name, table: name })));
    if (record) return { table: name, record };
  }
  return undefined;
}
