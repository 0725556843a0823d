import * as crypto from 'crypto';
import { type CloudId, isCloudId } from '../../../core/clouds';
import { type EndpointTarget, type SignInKind, SIGN_IN_KINDS, type TenantConfig, validateClientId, validateTenantIdentifier } from '../../../core/tenants/tenantConfig';
import { signInTenant } from '../../tenants/signInFlow';
import { type TenantContext } from '../../tenants/tenantContext';
import { runTenantWizard, type TenantDraft } from '../../tenants/tenantWizard';
import { type CommandContext, defineCommand } from '../command';

const LAST_PUBLIC_CLIENT = 'identityLogs.lastPublicClientId';

/**
 * A tenant described up front (scripts, walkthrough links): the wizard's answers. The credential is
 * never an argument: a client secret or certificate is asked for when it signs in, so it is never
 * in a command line, a link or another extension's hands.
 */
export interface AddTenantArgs {
  readonly displayName: string;
  readonly tenant: string;
  readonly cloud?: CloudId;
  readonly gcc?: boolean;
  readonly target?: EndpointTarget;
  readonly signInKind: SignInKind;
  readonly clientId: string;
  /** Add without signing in. */
  readonly skipSignIn?: boolean;
}

interface AddTenantInput {
  readonly draft: TenantDraft;
  readonly skipSignIn: boolean;
}

function draftFromArgs(a: AddTenantArgs): TenantDraft {
  const problem = validateTenantIdentifier(a.tenant) ?? validateClientId(a.clientId);
  if (problem) throw new Error(problem);
  if (!SIGN_IN_KINDS.includes(a.signInKind)) throw new Error(`Unknown sign-in kind ${a.signInKind}.`);
  if (a.cloud !== undefined && !isCloudId(a.cloud)) throw new Error(`Unknown cloud ${String(a.cloud)}.`);
  return { displayName: a.displayName, tenant: a.tenant, cloud: a.cloud ?? 'global', gcc: a.gcc ?? false, target: a.target ?? 'cloud', signInKind: a.signInKind, clientId: a.clientId.toLowerCase() };
}

function isAddTenantArgs(arg: unknown): arg is AddTenantArgs {
  return typeof arg === 'object' && arg !== null && 'signInKind' in arg;
}

/** "Add Tenant": the questions (or a description), then the sign-in; returns the new tenant's key. */
export function addTenantCommand(deps: TenantContext) {
  return defineCommand({
    id: 'identityLogs.addTenant',
    args: async ([arg]: readonly unknown[]): Promise<AddTenantInput | undefined> => {
      if (isAddTenantArgs(arg)) return { draft: draftFromArgs(arg), skipSignIn: arg.skipSignIn === true };
      const draft = await runTenantWizard('Add Tenant', undefined, { publicClientId: deps.state.get<string>(LAST_PUBLIC_CLIENT) });
      return draft ? { draft, skipSignIn: false } : undefined;
    },
    run: async ({ draft, skipSignIn }: AddTenantInput, { prompter }: CommandContext): Promise<string> => {
      const tenant: TenantConfig = { key: crypto.randomUUID(), ...draft };
      await deps.store.upsert(tenant);
      if (draft.signInKind === 'deviceCode') await deps.state.update(LAST_PUBLIC_CLIENT, draft.clientId);
      deps.log.info(`Added tenant ${tenant.displayName} (${tenant.tenant}, ${tenant.cloud}${tenant.target === 'fakeTenant' ? ', local fake tenant' : ''}, ${tenant.signInKind}).`);
      if (!skipSignIn) await signInTenant(deps, tenant, { prompter, askTitle: 'Add Tenant (6/6)' });
      return tenant.key;
    },
  });
}
