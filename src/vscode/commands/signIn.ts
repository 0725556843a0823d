import { resolveTenant } from '../tenants/pickTenant';
import { signInTenant } from '../tenants/signInFlow';
import { Command } from './command';
import { CommandDeps } from './deps';

export function signInCommand(deps: CommandDeps): Command {
  return {
    id: 'identityLogs.signIn',
    run: async (arg?: unknown): Promise<boolean> => {
      const tenant = await resolveTenant(deps.store, arg, 'sign in');
      return tenant ? signInTenant(deps, tenant) : false;
    },
  };
}
