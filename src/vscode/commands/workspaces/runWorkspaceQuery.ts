import { defaultModel } from '../../../core/catalog/defaultModel';
import { loadKusto } from '../../../core/kql/kusto';
import { compileKql } from '../../../core/logAnalytics/compile';
import { checkRawKql, describeRawProblem } from '../../../core/logAnalytics/rawKql';
import { workspaceTable } from '../../../core/logAnalytics/tables';
import { promptFilter, type RawDialect, WORKSPACE_TIMES } from '../../query/filterPrompt';
import { type WorkspaceQueryRunner } from '../../query/workspaceRunner';
import { type TenantStore } from '../../tenants/tenantStore';
import { type Workspaces } from '../../workspaces/workspaces';
import { defineCommand } from '../command';
import { workspaceQueryArg, type WorkspaceQueryTarget } from './args';

/**
 * "Run Query…" on a workspace table: the same filter builder as the Graph report it mirrors, then
 * the rows in a results panel. Given a model it runs it without asking.
 */
export function runWorkspaceQueryCommand(deps: { readonly store: TenantStore; readonly workspaces: Workspaces; readonly runner: WorkspaceQueryRunner }) {
  return defineCommand({
    id: 'identityLogs.runWorkspaceQuery',
    args: workspaceQueryArg(deps.store, deps.workspaces),
    run: async ({ tenant, category, model }: WorkspaceQueryTarget, { prompter }) => {
      // A workspace is for history: the builder starts at the last 7 days rather than Graph's day.
      const start = { ...defaultModel(category), time: { kind: 'last' as const, hours: 24 * 7 } };
      const table = workspaceTable(category.table);
      const kql: RawDialect = {
        label: '$(code) Raw KQL condition…',
        detail: 'For experts: checked as you type by Microsoft’s KQL parser, against the table’s columns',
        title: `Raw KQL · ${category.table}`,
        prompt: `A condition on ${category.table}’s columns, for example ResultType == "50126" (the time range and other conditions are added for you)`,
        check: async (text) => {
          if (!table) return undefined;
          const problem = checkRawKql(await loadKusto(), table, text)[0];
          return problem ? describeRawProblem(problem) : undefined;
        },
        language: 'kql',
        // The workspace's rules, not Graph's: its columns, and history past Graph's 30 days.
        problems: (m) => (table ? compileKql(table, m, { nowMs: Date.now() }).problems : []),
      };
      const chosen = model ?? (await promptFilter(prompter, category.filter, start, `${category.label} · ${category.workspaceName}`, () => Date.now(), kql, WORKSPACE_TIMES));
      return chosen ? deps.runner.start(tenant, category, chosen) : undefined;
    },
  });
}
