import * as vscode from 'vscode';
import { categoryById } from '../../../core/catalog/categories';
import { type GraphCategory } from '../../../core/catalog/types';
import { ServiceError } from '../../../core/http/serviceError';
import { buildFilter } from '../../../core/odata/build';
import { runQuery } from '../../../core/query/runQuery';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type SignInDetailPanels } from '../../detail/signInDetailPanel';
import { type Pacer } from '../../../core/http/pacer';
import { type QueryRunner } from '../../query/queryRunner';
import { type RecordDocuments } from '../../results/recordDocuments';
import { type TenantContext } from '../../tenants/tenantContext';
import { resolveTenant } from '../../tenants/pickTenant';
import { type Prompter } from '../../ui/prompter';
import { signInVersion } from '../../query/signInVersion';
import { showError } from '../../ui/showError';
import { type CommandContext, defineCommand } from '../command';
import { normalizeSignInId, validateSignInId } from '../../../core/detail/signInId';
import { isUnreadable, screenRecord } from '../../../core/records/untrusted';

const SIGN_IN_KINDS = ['signIns.interactive', 'signIns.nonInteractive', 'signIns.servicePrincipal', 'signIns.managedIdentity'] as const;

/**
 * A correlation id can tie an interactive sign-in to the non-interactive, service principal and
 * managed identity ones of the same flow: each kind is asked, and a tab opens for each kind that has
 * any. Saying "none" needs all four answers.
 */
export interface OpenSignInDeps extends TenantContext {
  readonly pacer: Pacer;
  readonly records: RecordDocuments;
  readonly runner: QueryRunner;
  readonly panels: SignInDetailPanels;
}

async function listCorrelation(deps: OpenSignInDeps, tenant: TenantConfig, guid: string): Promise<OpenSignInResult> {
  const model = { time: { kind: 'all' as const }, clauses: [{ field: 'correlationId', op: 'eq' as const, values: [guid] }], client: [] };
  let api;
  try {
    api = await deps.sessions.apiClient(tenant, deps.pacer);
  } catch (e) {
    await showError(deps.log, deps.channel, `Cannot query ${tenant.displayName}`, e);
    return { kind: 'failed' };
  }
  const found: GraphCategory[] = [];
  for (const id of SIGN_IN_KINDS) {
    const category = categoryById(id) as GraphCategory;
    const filter = buildFilter(category, model, { nowMs: Date.now() }).filter;
    try {
      const first = await runQuery(api.client, { category, graphOrigin: api.endpoints.graphOrigin, filterWithoutTime: filter, window: undefined, pageSize: 1 }).next();
      if (!first.done && first.value.records.length > 0) found.push(category);
    } catch (e) {
      await showError(deps.log, deps.channel, `Could not search ${category.label} for correlation id ${guid}`, e);
      return { kind: 'failed' };
    }
  }
  if (found.length === 0) {
    const message = `No sign-in of any kind (interactive, non-interactive, service principal, managed identity) has correlation id ${guid} in ${tenant.displayName} within the retention window.`;
    void vscode.window.showWarningMessage(message);
    return { kind: 'notFound', message };
  }
  for (const category of found) await deps.runner.start(tenant, category, model);
  return { kind: 'listed', message: found.map((c) => c.label).join(', ') };
}

export interface OpenSignInArgs {
  readonly tenantKey: string;
  readonly id: string;
  readonly asCorrelationId?: boolean;
}

/** Result for callers and tests: what happened. */
export type OpenSignInResult = { readonly kind: 'opened'; readonly panel: vscode.WebviewPanel } | { readonly kind: 'notFound' | 'invalid' | 'failed' | 'cancelled' | 'listed'; readonly message?: string };


interface OpenSignInTarget {
  readonly tenant: TenantConfig;
  readonly id: string;
  readonly asCorrelationId: boolean;
}

/** `{ tenantKey, id, asCorrelationId? }`, a tenant node, or nothing; the id starts from the editor's selection. */
async function openSignInArgs(deps: OpenSignInDeps, [arg]: readonly unknown[], prompter: Prompter): Promise<OpenSignInTarget | OpenSignInResult> {
  const args = typeof arg === 'object' && arg !== null && 'id' in arg && 'tenantKey' in arg ? (arg as OpenSignInArgs) : undefined;
  const tenant: TenantConfig | undefined = args ? deps.store.get(args.tenantKey) : await resolveTenant(deps.store, prompter, arg, 'open a sign-in');
  if (!tenant) return { kind: 'cancelled' };
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  const id = args?.id ?? (await prompter.input({ title: `Open Sign-in by ID · ${tenant.displayName}`, prompt: 'Request id or correlation id of a sign-in (a GUID)', value: normalizeSignInId(selected) ?? '', validate: validateSignInId }));
  if (id === undefined) return { kind: 'cancelled' };
  const guid = normalizeSignInId(id);
  if (!guid) {
    const problem = validateSignInId(id) ?? 'Not a GUID.';
    void vscode.window.showErrorMessage(problem);
    return { kind: 'invalid', message: problem };
  }
  if (args?.asCorrelationId !== undefined) return { tenant, id: guid, asCorrelationId: args.asCorrelationId };
  const pick = await prompter.pick([{ label: 'Request id', description: 'open this one sign-in', correlation: false }, { label: 'Correlation id', description: 'list every sign-in of this flow, of all four kinds', correlation: true }], { placeHolder: `What is ${guid}?` });
  return pick ? { tenant, id: guid, asCorrelationId: pick.correlation } : { kind: 'cancelled' };
}

/** "Open Sign-in by ID…": a request id opens its detail panel; a correlation id lists its sign-ins. */
export function openSignInByIdCommand(deps: OpenSignInDeps) {
  return defineCommand({
    id: 'identityLogs.openSignInById',
    // What happened is the command's result for callers and tests, even when it ends early.
    args: (raw: readonly unknown[], { prompter }: CommandContext) => openSignInArgs(deps, raw, prompter),
    run: async (target: OpenSignInTarget | OpenSignInResult): Promise<OpenSignInResult> => {
      if ('kind' in target) return target;
      const { tenant, id: guid } = target;
      if (target.asCorrelationId) return listCorrelation(deps, tenant, guid);
      try {
        const { client, endpoints } = await deps.sessions.apiClient(tenant, deps.pacer);
        const res = await client.request(`${endpoints.graphOrigin}/${signInVersion()}/auditLogs/signIns/${encodeURIComponent(guid)}`, { resource: 'graph', limit: 'reports' });
        const record = screenRecord(res.body);
        if (isUnreadable(record)) {
          await deps.records.open(`Sign-in ${guid} (unreadable)`, record);
          return { kind: 'failed', message: `Graph answered with something that is not a sign-in record (${record.reason}); its text is open.` };
        }
        return { kind: 'opened', panel: deps.panels.show(tenant, record) };
      } catch (e) {
        if (e instanceof ServiceError && e.status === 404) {
          const message = `No sign-in with id ${guid} in ${tenant.displayName} within the retention window (7 days without Entra ID P1, 30 days with P1 or P2).`;
          void vscode.window.showWarningMessage(message);
          return { kind: 'notFound', message };
        }
        await showError(deps.log, deps.channel, `Could not open sign-in ${guid}`, e);
        return { kind: 'failed' };
      }
    },
  });
}
