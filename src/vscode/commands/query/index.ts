import { type Command } from '../command';
import { type QueryRunner } from '../../query/queryRunner';
import { type QueryStore } from '../../query/queryStore';
import { type TenantStore } from '../../tenants/tenantStore';
import { deleteSavedQueryCommand } from './deleteSavedQuery';
import { findLegacyReportCommand } from './findLegacyReport';
import { type OpenSignInDeps, openSignInByIdCommand } from './openSignInById';
import { runLastQueryCommand } from './runLastQuery';
import { runQueryCommand } from './runQuery';
import { runSavedQueryCommand } from './runSavedQuery';

/** Running reports: a filter, the last one, a saved one, a legacy report's name, a sign-in's id. */
export function queryCommands(deps: { readonly store: TenantStore; readonly queries: QueryStore; readonly runner: QueryRunner }, openSignIn: OpenSignInDeps): Command[] {
  return [runQueryCommand(deps), runLastQueryCommand(deps), runSavedQueryCommand(deps), deleteSavedQueryCommand(deps), openSignInByIdCommand(openSignIn), findLegacyReportCommand(deps)];
}
