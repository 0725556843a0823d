import { defaultModel } from '../../../core/catalog/defaultModel';
import { type QueryRunner } from '../../query/queryRunner';
import { type QueryStore } from '../../query/queryStore';
import { type TenantStore } from '../../tenants/tenantStore';
import { defineCommand } from '../command';
import { type QueryTarget, queryTargetArg } from './args';

/** A report's node clicked in the tree: its last filter (or its default) runs without questions. */
export function runLastQueryCommand(deps: { readonly store: TenantStore; readonly queries: QueryStore; readonly runner: QueryRunner }) {
  return defineCommand({
    id: 'identityLogs.runLastQuery',
    args: queryTargetArg(deps.store),
    run: (t: QueryTarget) => deps.runner.start(t.tenant, t.category, deps.queries.last(t.tenant.key, t.category.id) ?? defaultModel(t.category)),
  });
}
