/**
 * "Investigate User…": a user's timeline across sources. Run from the palette (asks the tenant,
 * the user and the range), a sign-in's detail panel, a risky user in the Risky Users view, or
 * `{ tenantKey, userId, label?, hours? }` (or `{ tenantKey, userPrincipalName }`, a grid row's user by name).
 */
import { categoryById } from '../../../core/catalog/categories';
import { type GraphCategory } from '../../../core/catalog/types';
import { buildFilter } from '../../../core/odata/build';
import { runQuery } from '../../../core/query/runQuery';
import { isUnreadable } from '../../../core/records/untrusted';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { asConfigured } from '../../query/signInVersion';
import { resolveTenant } from '../../tenants/pickTenant';
import { type TimelineTarget } from '../../timeline/userTimelines';
import { GUID, type InvestigateDeps, RANGES } from './args';
import { type Prompter } from '../../ui/prompter';
import { type CommandContext, defineCommand } from '../command';



interface Target {
  readonly tenant: TenantConfig;
  readonly user: { readonly id: string; readonly label: string };
  readonly hours: number;
}

/** A user's timeline: by object id, and by UPN where the label is one (Office 365 names users by it). */
export function userTarget(user: { readonly id: string; readonly label: string }): TimelineTarget {
  const upn = /^[^@\s]+@[^@\s]+$/.test(user.label) ? { userPrincipalName: user.label } : {};
  return { subject: { kind: 'user', userId: user.id, ...upn }, label: user.label };
}

/** A UPN's object id, from its newest interactive sign-in of the last 30 days (no directory permission needed). */
async function idOfUpn(deps: InvestigateDeps, tenant: TenantConfig, upn: string): Promise<string | undefined> {
  const category = asConfigured(categoryById('signIns.interactive') as GraphCategory);
  const nowMs = Date.now();
  const filter = buildFilter(category, { time: { kind: 'all' }, clauses: [{ field: 'userPrincipalName', op: 'eq', values: [upn] }], client: [] }, { nowMs }).filter;
  const { client, endpoints } = await deps.sessions.apiClient(tenant, deps.pacer);
  for await (const page of runQuery(client, { category, graphOrigin: endpoints.graphOrigin, filterWithoutTime: filter, window: { fromMs: nowMs - 30 * 86_400_000 + 60_000, toMs: nowMs } })) {
    const found = page.records.find((r) => !isUnreadable(r) && typeof r.userId === 'string' && GUID.test(r.userId));
    if (found && !isUnreadable(found)) return String(found.userId);
  }
  return undefined;
}

async function ask(deps: InvestigateDeps, prompter: Prompter): Promise<Target | undefined> {
  const tenant = await resolveTenant(deps.store, prompter, undefined, 'investigate a user');
  if (!tenant) return undefined;
  const who = (await prompter.input({ title: `Investigate a user of ${tenant.displayName}`, prompt: 'User principal name or object id of the user to investigate', placeHolder: 'alice@contoso.com', validate: (v) => (GUID.test(v.trim()) || /^[^@\s]+@[^@\s]+$/.test(v.trim()) ? undefined : 'A user principal name (name@domain) or an object id (GUID)') }))?.trim();
  if (!who) return undefined;
  const range = await prompter.pick(RANGES, { placeHolder: 'Over which time range?' });
  if (!range) return undefined;
  const id = GUID.test(who) ? who : await idOfUpn(deps, tenant, who);
  if (!id) throw new Error(`${who} has no interactive sign-in in the last 30 days, so their object id is not known here: give the object id (Entra admin center › Users › the user › Object ID).`);
  return { tenant, user: { id, label: who }, hours: range.hours };
}

function targetArg(deps: InvestigateDeps) {
  return async ([arg]: readonly unknown[], { prompter }: CommandContext): Promise<Target | undefined> => {
    const a = (typeof arg === 'object' && arg !== null ? arg : {}) as Record<string, unknown>;
    if (typeof a.tenantKey === 'string' && typeof a.userId === 'string' && GUID.test(a.userId)) {
      const tenant = deps.store.get(a.tenantKey);
      const hours = typeof a.hours === 'number' && Number.isInteger(a.hours) && a.hours > 0 && a.hours <= 720 ? a.hours : 168;
      return tenant ? { tenant, user: { id: a.userId, label: typeof a.label === 'string' && a.label ? a.label.slice(0, 200) : a.userId }, hours } : undefined;
    }
    // A grid row that names its user only by name (a directory audit's initiator, say).
    if (typeof a.tenantKey === 'string' && typeof a.userPrincipalName === 'string' && /^[^@\s]+@[^@\s]+$/.test(a.userPrincipalName) && a.userPrincipalName.length <= 200) {
      const tenant = deps.store.get(a.tenantKey);
      if (!tenant) return undefined;
      const id = await idOfUpn(deps, tenant, a.userPrincipalName);
      if (!id) throw new Error(`${a.userPrincipalName} has no interactive sign-in in the last 30 days, so their object id is not known here: run Investigate User… with the object id (Entra admin center › Users › the user › Object ID).`);
      return { tenant, user: { id, label: a.userPrincipalName }, hours: 168 };
    }
    // A risky user's node in the Risky Users view.
    const node = arg as { tenant?: TenantConfig; entities?: () => readonly { subject: string; id: string; secondary: string; name: string }[] } | undefined;
    const user = typeof node?.entities === 'function' ? node.entities().find((e) => e.subject === 'users') : undefined;
    if (node?.tenant && user) return { tenant: node.tenant, user: { id: user.id, label: user.secondary || user.name }, hours: 168 };
    return ask(deps, prompter);
  };
}

export function investigateUserCommand(deps: InvestigateDeps) {
  return defineCommand({
    id: 'identityLogs.investigateUser',
    args: targetArg(deps),
    run: ({ tenant, user, hours }: Target) => deps.timelines.show(tenant, userTarget(user), hours),
  });
}
