import * as vscode from 'vscode';
import { type CategorySpec } from '../../../core/catalog/types';
import { workspaceCategory } from '../../../core/logAnalytics/category';
import { workspaceTable } from '../../../core/logAnalytics/tables';
import { findTokenSignIn, TOKEN_SIGN_IN_TABLES } from '../../../core/logAnalytics/tokenSignIn';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { showError } from '../../ui/showError';
import { type TenantStore } from '../../tenants/tenantStore';
import { type Workspaces } from '../../workspaces/workspaces';
import { type Logger } from '../../../core/log/redact';
import { defineCommand } from '../command';
import { resolveToken, type TokenTarget, tokenTargetArg } from './args';

export interface TokenSignInDeps {
  readonly store: TenantStore;
  readonly workspaces: Workspaces;
  /** Opens a record's detail panel (RecordDetails.open). */
  readonly openDetail: (tenant: TenantConfig, category: CategorySpec, record: Record<string, unknown>) => Promise<void>;
  readonly log: Logger;
  readonly channel: vscode.LogOutputChannel;
}

/**
 * "Sign-in of a Token": the sign-in that issued a token, from a Graph request (whose
 * SignInActivityId names it) or typed in. Graph cannot filter sign-ins on the token; a workspace's
 * sign-in tables keep it, so each workspace of the tenant that receives them is asked, and the
 * sign-in found opens in its detail panel. Resolves with the sign-in, or why there is none.
 */
export function tokenSignInCommand(deps: TokenSignInDeps) {
  return defineCommand({
    id: 'identityLogs.tokenSignIn',
    args: tokenTargetArg,
    run: async (target: TokenTarget, { prompter }): Promise<{ readonly found: Record<string, unknown> } | { readonly notFound: string } | undefined> => {
      const asked = await resolveToken(deps.store, prompter, target, 'Sign-in of a Token');
      if (!asked) return undefined;
      const { tenant, token, issuedMs } = asked;
      let searched = 0;
      for (const workspace of deps.workspaces.list(tenant.key)) {
        const received = await deps.workspaces.received(tenant, workspace);
        const tables = TOKEN_SIGN_IN_TABLES.filter((name) => received.has(name));
        if (tables.length === 0) continue;
        searched++;
        try {
          const { api } = await deps.workspaces.api(tenant);
          const found = await findTokenSignIn(api, workspace, tables, token, issuedMs, Date.now());
          const category = found ? workspaceCategory(workspace, workspaceTable(found.table)!) : undefined;
          if (found && category) {
            await deps.openDetail(tenant, category, found.record);
            return { found: found.record };
          }
        } catch (e) {
          await showError(deps.log, deps.channel, `Cannot look for the token's sign-in in ${workspace.name}`, e);
          return undefined;
        }
      }
      const notFound =
        searched === 0
          ? `No workspace of ${tenant.displayName} in the tree receives sign-ins: Graph cannot look a sign-in up by its token, a workspace can. Add the one Entra’s diagnostic settings send sign-ins to.`
          : `No sign-in with the token ${token} is in ${searched === 1 ? 'the workspace' : `the ${searched} workspaces`} around when it was issued (a workspace keeps only what its diagnostic settings sent it since they were set).`;
      void vscode.window.showInformationMessage(notFound);
      return { notFound };
    },
  });
}
