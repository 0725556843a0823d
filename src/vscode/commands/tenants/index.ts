import { type ReportDocuments } from '../../reportView';
import { type TenantContext } from '../../tenants/tenantContext';
import { type Workspaces } from '../../workspaces/workspaces';
import { type Command } from '../command';
import { addTenantCommand } from './addTenant';
import { adminConsentUrlCommand } from './adminConsentUrl';
import { copyTenantIdCommand } from './copyTenantId';
import { diagnosePermissionsCommand } from './diagnosePermissions';
import { editTenantCommand } from './editTenant';
import { removeTenantCommand } from './removeTenant';
import { signInCommand } from './signIn';
import { signOutCommand } from './signOut';

/** The tenant commands: add, sign in and out, edit, remove, copy its id, diagnose, admin consent. */
export function tenantCommands(deps: TenantContext, reports: ReportDocuments, workspaces: Workspaces): Command[] {
  return [
    addTenantCommand(deps),
    signInCommand(deps),
    signOutCommand(deps),
    editTenantCommand(deps),
    removeTenantCommand(deps),
    copyTenantIdCommand(deps),
    diagnosePermissionsCommand(deps, reports, workspaces),
    adminConsentUrlCommand(deps),
  ];
}
