import * as vscode from 'vscode';
import { workspaceCategory } from '../../../core/logAnalytics/category';
import { workspaceTable } from '../../../core/logAnalytics/tables';
import { type FilterModel } from '../../../core/odata/model';
import { type TenantStore } from '../../tenants/tenantStore';
import { type WorkspaceQueryRunner } from '../../query/workspaceRunner';
import { type Workspaces } from '../../workspaces/workspaces';
import { defineCommand } from '../command';
import { resolveToken, type TokenTarget, tokenTargetArg } from './args';

const MINUTE = 60_000;
/**
 * How long after its sign-in a token's requests are looked for: an access token lives about an
 * hour, a continuous-access-evaluation one up to 28.
 */
const TOKEN_LIFE_MS = 28 * 60 * MINUTE;

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
    args: tokenTargetArg,
    run: async (target: TokenTarget, { prompter }) => {
      const asked = await resolveToken(deps.store, prompter, target, 'Graph Activity of a Token');
      if (!asked) return undefined;
      const { tenant, token, issuedMs } = asked;
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
      const now = Date.now();
      // From a little before the sign-in (clocks differ) to the token's longest life; without the sign-in's time, the last 30 days.
      const time: FilterModel['time'] = issuedMs !== undefined ? { kind: 'between', from: new Date(issuedMs - 5 * MINUTE).toISOString(), to: new Date(Math.min(now, issuedMs + TOKEN_LIFE_MS)).toISOString() } : { kind: 'last', hours: 24 * 30 };
      return deps.runner.start(tenant, category, { time, clauses: [{ field: 'signInActivityId', op: 'eq', values: [token], valueLabel: 'this token' }], client: [] });
    },
  });
}
