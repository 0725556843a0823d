import * as crypto from 'crypto';
import { type CloudId, isCloudId } from '../../core/clouds';
import { type EndpointTarget, type SignInKind, SIGN_IN_KINDS, type TenantConfig, validateClientId, validateTenantIdentifier } from '../../core/tenants/tenantConfig';
import { readCertificate } from '../tenants/credentialInput';
import { signInTenant, type SuppliedCredential } from '../tenants/signInFlow';
import { runTenantWizard, type TenantDraft } from '../tenants/tenantWizard';
import { type Command } from './command';
import { type TenantContext } from '../tenants/tenantContext';

const LAST_PUBLIC_CLIENT = 'identityLogs.lastPublicClientId';

/** Arguments for adding a tenant without questions (scripts, tests, the demo tenant). */
export interface AddTenantArgs {
  readonly displayName: string;
  readonly tenant: string;
  readonly cloud?: CloudId;
  readonly gcc?: boolean;
  readonly target?: EndpointTarget;
  readonly signInKind: SignInKind;
  readonly clientId: string;
  readonly secret?: string;
  readonly certificatePath?: string;
  readonly passphrase?: string;
  /** Add without signing in. */
  readonly skipSignIn?: boolean;
}

function draftFromArgs(a: AddTenantArgs): TenantDraft {
  const problem = validateTenantIdentifier(a.tenant) ?? validateClientId(a.clientId);
  if (problem) throw new Error(problem);
  if (!SIGN_IN_KINDS.includes(a.signInKind)) throw new Error(`Unknown sign-in kind ${a.signInKind}.`);
  if (a.cloud !== undefined && !isCloudId(a.cloud)) throw new Error(`Unknown cloud ${String(a.cloud)}.`);
  return { displayName: a.displayName, tenant: a.tenant, cloud: a.cloud ?? 'global', gcc: a.gcc ?? false, target: a.target ?? 'cloud', signInKind: a.signInKind, clientId: a.clientId.toLowerCase() };
}

/** "Add Tenant": the questions, then the sign-in; returns the new tenant's key. */
export function addTenantCommand(deps: TenantContext): Command {
  return {
    id: 'identityLogs.addTenant',
    run: async (arg?: unknown): Promise<string | undefined> => {
      const args = typeof arg === 'object' && arg !== null && 'signInKind' in arg ? (arg as AddTenantArgs) : undefined;
      const draft = args ? draftFromArgs(args) : await runTenantWizard('Add Tenant', undefined, { publicClientId: deps.state.get<string>(LAST_PUBLIC_CLIENT) });
      if (!draft) return undefined;
      const tenant: TenantConfig = { key: crypto.randomUUID(), ...draft };
      await deps.store.upsert(tenant);
      if (draft.signInKind === 'deviceCode') await deps.state.update(LAST_PUBLIC_CLIENT, draft.clientId);
      deps.log.info(`Added tenant ${tenant.displayName} (${tenant.tenant}, ${tenant.cloud}${tenant.target === 'fakeTenant' ? ', local fake tenant' : ''}, ${tenant.signInKind}).`);
      if (args?.skipSignIn) return tenant.key;
      let supplied: SuppliedCredential | undefined;
      if (args?.secret) supplied = { secret: args.secret };
      if (args?.certificatePath) {
        const certificate = await readCertificate(args.certificatePath, `Add ${tenant.displayName}`, args.passphrase);
        if (certificate) supplied = { certificate };
      }
      await signInTenant(deps, tenant, supplied, { askTitle: 'Add Tenant (6/6)' });
      return tenant.key;
    },
  };
}
