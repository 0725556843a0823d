import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { signInTenant } from '../../tenants/signInFlow';
import { type TenantContext } from '../../tenants/tenantContext';
import { defineCommand } from '../command';
import { tenantArg } from './args';

export function signInCommand(deps: TenantContext) {
  return defineCommand({
    id: 'identityLogs.signIn',
    args: tenantArg(deps.store, 'sign in'),
    run: (tenant: TenantConfig, { prompter }) => signInTenant(deps, tenant, { prompter }),
  });
}
