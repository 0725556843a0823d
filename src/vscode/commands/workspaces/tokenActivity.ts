import * as vscode from 'vscode';
import { workspaceCategory } from '../../../core/logAnalytics/category';
import { workspaceTable } from '../../../core/logAnalytics/tables';
import { type FilterModel } from '../../../core/odata/model';
import { resolveTenant } from '../../tenants/pickTenant';
import { type TenantStore } from '../../tenants/tenantStore';
import { type WorkspaceQueryRunner } from '../../query/workspaceRunner';
import { type Workspaces } from '../../workspaces/workspaces';
import { defineCommand } from '../command';

const MINUTE = 60_000;
/**
 * How long after its sign-in a token's requests are looked for: an access token lives about an
 * hour, a continuous-access-evaluation one up to 28.
 */
const TOKEN_LIFE_MS = 28 * 60 * MINUTE;
/** What a token looks like: Entra's identifiers are base64url, tens of characters. */
const TOKEN = /^[A-Za-z0-9_-]{8,128}$/;

interface TokenTarget {
  readonly tenantKey?: unknown;
  readonly token?: unknown;
  /** When the token's sign-in happened (ISO or epoch ms): the requests are looked for from then on. */
  readonly issued?: unknown;
}

/**
 * "Graph Activity of a Token": the requests made to Microsoft Graph with one sign-in's token, from
 * a workspace of the tenant that receives MicrosoftGraphActivityLogs (its SignInActivityId is the
 * sign-in's unique token identifier). From the sign-in panel, a grid row or a Graph activity
 * record; from the palette it asks for the token. No workspace receiving the table is said so,
 * with where the setting is and an offer to add one, rather than an empty tab.
 */
export function tokenActivityCommand(deps: { readonly store: TenantStore; readonly workspaces: Workspaces; readonly runner: WorkspaceQueryRunner }) {
  return defineCommand({
    id: 'identityLogs.tokenGraphActivity',
    args: ([arg]: readonly unknown[]): TokenTarget => (typeof arg === 'object' && arg !== null ? (arg as TokenTarget) : {}),
    run: async (target: TokenTarget, { prompter }) => {
      const tenant = await resolveTenant(deps.store, prompter, typeof target.tenantKey === 'string' ? target.tenantKey : undefined, 'look up a token’s Graph activity');
      if (!tenant) return undefined;
      const token =
        typeof target.token === 'string' && TOKEN.test(target.token.trim())
          ? target.token.trim()
          : (await prompter.input({ title: 'Graph Activity of a Token', prompt: 'A sign-in’s unique token identifier (uniqueTokenIdentifier)', validate: (t) => (TOKEN.test(t.trim()) ? undefined : 'A unique token identifier is 8 to 128 letters, digits, - or _.') }))?.trim();
      if (!token) return undefined;
      const table = workspaceTable('MicrosoftGraphActivityLogs')!;
      const receiving = await deps.workspaces.receiving(tenant, table.name);
      if (receiving.length === 0) {
        const saved = deps.workspaces.list(tenant.key).length;
        const add = await prompter.choose({
          message: saved === 0 ? `${tenant.displayName} has no Log Analytics workspace in the tree: Graph activity is kept only in a workspace.` : `No workspace of ${tenant.displayName} in the tree receives Graph activity (MicrosoftGraphActivityLogs).`,
          detail: 'Entra’s diagnostic settings must send the MicrosoftGraphActivityLogs category to a workspace (only requests made after that are kept); add that workspace here.',
          actions: ['Add Workspace…'],
        });
        if (add) await vscode.commands.executeCommand('identityLogs.addWorkspace', tenant.key);
        return undefined;
      }
      const workspace = receiving.length === 1 ? receiving[0] : (await prompter.pick(receiving.map((w) => ({ label: w.name, description: w.id, w })), { title: 'Graph Activity of a Token', placeHolder: 'Which workspace?' }))?.w;
      if (!workspace) return undefined;
      const category = workspaceCategory(workspace, table);
      if (!category) return undefined;
      const issuedMs = typeof target.issued === 'number' ? target.issued : typeof target.issued === 'string' ? Date.parse(target.issued) : Number.NaN;
      const now = Date.now();
      // From a little before the sign-in (clocks differ) to the token's longest life; without the sign-in's time, the last 30 days.
      const time: FilterModel['time'] = Number.isFinite(issuedMs) ? { kind: 'between', from: new Date(issuedMs - 5 * MINUTE).toISOString(), to: new Date(Math.min(now, issuedMs + TOKEN_LIFE_MS)).toISOString() } : { kind: 'last', hours: 24 * 30 };
      return deps.runner.start(tenant, category, { time, clauses: [{ field: 'signInActivityId', op: 'eq', values: [token], valueLabel: 'this token' }], client: [] });
    },
  });
}
