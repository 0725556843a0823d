import { resolveTenant } from '../tenants/pickTenant';
import { signInTenant } from '../tenants/signInFlow';
import { type Command } from './command';
import { type TenantContext } from '../tenants/tenantContext';

export function signInCommand(deps: TenantContext): Command {
  return {
    id: 'identityLogs.signIn',
    run: async (arg?: unknown): Promise<boolean> => {
      const tenant = await resolveTenant(deps.store, arg, 'sign in');
      return tenant ? signInTenant(deps, tenant) : false;
    },
  };
}
