import { defaultModel } from '../../../core/catalog/defaultModel';
import { odataRaw, promptFilter } from '../../query/filterPrompt';
import { type QueryRunner } from '../../query/queryRunner';
import { type QueryStore } from '../../query/queryStore';
import { type TenantStore } from '../../tenants/tenantStore';
import { defineCommand } from '../command';
import { type QueryTarget, queryTargetArg } from './args';

/**
 * "Run Query…": asks for the filter (starting from the last one), then opens the results. Given a
 * model it runs it; `pivot: true` (a detail panel's related query) leaves the report's default alone.
 */
export function runQueryCommand(deps: { readonly store: TenantStore; readonly queries: QueryStore; readonly runner: QueryRunner }) {
  return defineCommand({
    id: 'identityLogs.runQuery',
    args: queryTargetArg(deps.store),
    run: async (t: QueryTarget, { prompter }) => {
      const model = t.model ?? (await promptFilter(prompter, t.category, deps.queries.last(t.tenant.key, t.category.id) ?? defaultModel(t.category), `${t.category.label} · ${t.tenant.displayName}`, () => Date.now(), odataRaw(t.category, () => Date.now())));
      return model ? deps.runner.start(t.tenant, t.category, model, { remember: !t.pivot }) : undefined;
    },
  });
}
