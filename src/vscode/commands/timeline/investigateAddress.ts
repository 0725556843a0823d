/**
 * "Investigate IP Address…" and "Investigate Session": the same timeline as a user's, for every
 * sign-in (of the four kinds), risk detection and Office 365 record from one address, or every
 * sign-in of one session (an attacker's replayed token shows up in its victim's session). From the
 * palette (an address is asked for), a grid row's menu, a sign-in's detail panel, or
 * `{ tenantKey, address, hours? }` / `{ tenantKey, userId, sessionId, label?, hours? }`.
 */
import { isIP } from 'net';
import { resolveTenant } from '../../tenants/pickTenant';
import { type Prompter } from '../../ui/prompter';
import { type CommandContext, defineCommand } from '../command';
import { GUID, type InvestigateDeps, RANGES } from './args';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type TimelineTarget } from '../../timeline/userTimelines';


interface Target {
  readonly tenant: TenantConfig;
  readonly target: TimelineTarget;
  readonly hours: number;
}

const hoursOf = (v: unknown, otherwise: number) => (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 720 ? v : otherwise);
const record = (arg: unknown) => (typeof arg === 'object' && arg !== null ? arg : {}) as Record<string, unknown>;

async function askAddress(deps: InvestigateDeps, prompter: Prompter): Promise<Target | undefined> {
  const tenant = await resolveTenant(deps.store, prompter, undefined, 'investigate an IP address');
  if (!tenant) return undefined;
  const address = (await prompter.input({ title: `Investigate an IP address in ${tenant.displayName}`, prompt: 'The IPv4 or IPv6 address to investigate', placeHolder: '203.0.113.17', validate: (v) => (isIP(v.trim()) ? undefined : 'An IPv4 or IPv6 address') }))?.trim();
  if (!address) return undefined;
  const range = await prompter.pick(RANGES, { placeHolder: 'Over which time range?' });
  return range ? { tenant, target: { subject: { kind: 'ip', address }, label: address }, hours: range.hours } : undefined;
}

export function investigateAddressCommand(deps: InvestigateDeps) {
  return defineCommand({
    id: 'identityLogs.investigateIp',
    args: async ([arg]: readonly unknown[], { prompter }: CommandContext): Promise<Target | undefined> => {
      const a = record(arg);
      const address = typeof a.address === 'string' ? a.address.trim() : '';
      if (typeof a.tenantKey === 'string' && isIP(address)) {
        const tenant = deps.store.get(a.tenantKey);
        return tenant ? { tenant, target: { subject: { kind: 'ip', address }, label: address }, hours: hoursOf(a.hours, 168) } : undefined;
      }
      return askAddress(deps, prompter);
    },
    run: ({ tenant, target, hours }: Target) => deps.timelines.show(tenant, target, hours),
  });
}

export function investigateSessionCommand(deps: InvestigateDeps) {
  return defineCommand({
    id: 'identityLogs.investigateSession',
    args: ([arg]: readonly unknown[]): Target | undefined => {
      const a = record(arg);
      const tenant = typeof a.tenantKey === 'string' ? deps.store.get(a.tenantKey) : undefined;
      if (!tenant || typeof a.userId !== 'string' || !GUID.test(a.userId) || typeof a.sessionId !== 'string' || !GUID.test(a.sessionId)) return undefined;
      const who = typeof a.label === 'string' && a.label ? a.label.slice(0, 200) : a.userId;
      return { tenant, target: { subject: { kind: 'session', userId: a.userId, sessionId: a.sessionId.toLowerCase() }, label: `session ${a.sessionId.slice(0, 8)}… of ${who}` }, hours: hoursOf(a.hours, 168) };
    },
    run: ({ tenant, target, hours }: Target) => deps.timelines.show(tenant, target, hours),
  });
}
