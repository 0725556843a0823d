/**
 * The demo tenant's seeded attack story, laid over the generated background so that a person
 * trying the product has something real to find:
 *
 * 1. a password spray (about 30 hours ago): three rounds of ROPC sign-ins against a dozen users from
 *    one hosting network (one ASN, a handful of addresses), mostly 50126, two lockouts, and one
 *    success on an account the MFA policy did not cover, used again minutes later;
 * 2. an MFA-fatigue run (about 9 hours ago): one user's correct password, then push after push
 *    denied (500121) from one foreign address, until one is approved and the attacker's session
 *    refreshes its token;
 * 3. a device-code phish (about 4 hours ago): the victim completes a device-code sign-in
 *    (authenticationProtocol deviceCode, originalTransferMethod deviceCodeFlow) from home; minutes
 *    later the same session's refresh token is redeemed from another country and network;
 * 4. a risky admin (about 2 hours ago): a user made Global Administrator days earlier has a risky
 *    sign-in from an unfamiliar address, and from that address adds a credential to an app and a
 *    new Global Administrator; Identity Protection holds the user at high risk.
 *
 * Attacker addresses and networks come from the ranges reserved for documentation (RFC 5737
 * addresses, RFC 5398 AS numbers), so the story accuses no real network. Beats replace whole
 * records at chosen indexes and never touch a risky index (whose risk detection shares its
 * request id), except the admin's risky sign-in, whose address alone is moved.
 */
import { mix32 } from '../random';
import { type DirectoryUser } from './directory';
import { isRiskyIndex, RISK_EVERY, RISK_OFFSET, type SignInEventType } from './signIns';
import { APPS, type CaPolicy, DEVICE_PROFILES, type DeviceProfile, PLACES, type Place, RESOURCES, WORKLOADS } from './tables';
import { indexRange, type Timeline } from './timeline';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Who the story happens to; exposed so tests (and a reader of the demo) can find it. */
export interface StoryCast {
  readonly sprayTargets: readonly DirectoryUser[];
  readonly sprayVictim: DirectoryUser;
  readonly fatigueVictim: DirectoryUser;
  readonly phishVictim: DirectoryUser;
  readonly admin: DirectoryUser;
  /** The admin's risky sign-in, whose address the admin's audits come from. */
  readonly adminRiskyIndex: number;
}

export interface Network {
  readonly asn: number;
  readonly place: Place;
  readonly address: (k: number) => string;
}

export const STORY_NETWORKS = {
  spray: { asn: 64500, place: PLACES[14], address: (k: number) => `203.0.113.${17 + (k % 5)}` },
  fatigue: { asn: 64503, place: PLACES[11], address: () => '198.51.100.23' },
  phish: { asn: 64502, place: PLACES[12], address: () => '198.51.100.77' },
  admin: { asn: 64504, place: PLACES[7], address: () => '192.0.2.140' },
} as const satisfies Record<string, Network>;

/** What a beat sets on a sign-in; everything else about the record comes from the beat's defaults. */
export interface SignInBeat {
  readonly eventType: SignInEventType;
  readonly user: DirectoryUser;
  readonly network: Network;
  readonly networkIndex: number;
  readonly app: string;
  readonly resource: string;
  readonly device: DeviceProfile;
  readonly errorCode: number;
  readonly clientAppUsed: string;
  /** Policy display-name prefixes and their results; the others did not apply. */
  readonly ca: Readonly<Record<string, string>>;
  /** Whether the sign-in satisfied multi-factor authentication (its authentication details say how). */
  readonly mfa: boolean;
  /** The flow whose sign-ins share one session id. */
  readonly flow: string;
  readonly beta: Readonly<Record<string, unknown>>;
}

export interface AuditBeat {
  readonly activity: 'Add member to role' | 'Add service principal credentials';
  readonly actor: DirectoryUser;
  readonly actorAddress: string | undefined;
  readonly target: DirectoryUser | undefined;
}

export interface Story {
  readonly cast: StoryCast;
  readonly signIns: ReadonlyMap<number, SignInBeat>;
  /** The admin's risky sign-in keeps its record and risk; only its address moves. */
  readonly movedSignIns: ReadonlyMap<number, Network>;
  readonly audits: ReadonlyMap<number, AuditBeat>;
}

export interface StoryInput {
  readonly seed: number;
  readonly signInTimeline: Timeline;
  readonly auditTimeline: Timeline;
  readonly users: readonly DirectoryUser[];
  readonly riskyUsers: readonly DirectoryUser[];
  /** The configured admin who grants roles (the tenant's first configured user). */
  readonly grantor: DirectoryUser;
  readonly signInStream: number;
  readonly auditStream: number;
}

const app = (name: string) => APPS.find((a) => a.displayName === name)!;
const device = (ua: string) => DEVICE_PROFILES.find((d) => d.userAgent.startsWith(ua))!;
const ROPC = device('BAV2ROPC');
const SCRIPT = device('python-requests');
const LINUX_FIREFOX = device('Mozilla/5.0 (X11; Linux');
const WINDOWS_EDGE = DEVICE_PROFILES[0];
const MFA = 'Require MFA for all users';

export function planStory(input: StoryInput): Story {
  const { signInTimeline: tl, riskyUsers } = input;
  const at = (ms: number) => indexRange(input.seed, input.signInStream, tl, -Infinity, ms)[0];
  const auditAt = (ms: number) => indexRange(input.seed, input.auditStream, input.auditTimeline, -Infinity, ms)[0];
  const risky = new Set(riskyUsers.map((u) => u.id));
  const ordinary = input.users.filter((u) => !risky.has(u.id) && !u.isGuest && u.id !== input.grantor.id && !/[<>"']/.test(u.displayName));
  const pick = (k: number) => ordinary[mix32(input.seed, 0x570, k) % ordinary.length];
  const cast = new Set<string>();
  const distinct = (k: number): DirectoryUser => {
    for (let j = k; ; j++) {
      const u = pick(j);
      if (!cast.has(u.id)) {
        cast.add(u.id);
        return u;
      }
    }
  };
  const sprayTargets = Array.from({ length: 12 }, (_, k) => distinct(k));
  const fatigueVictim = distinct(100);
  const phishVictim = distinct(200);
  const sprayVictim = sprayTargets[7];

  // The admin is the user of the risky sign-in nearest two hours before the anchor.
  const near = at(tl.anchorMs - 2 * HOUR);
  const adminRiskyIndex = Math.max(RISK_OFFSET, RISK_OFFSET + Math.round((near - RISK_OFFSET) / RISK_EVERY) * RISK_EVERY);
  const admin = riskyUsers[((adminRiskyIndex - RISK_OFFSET) / RISK_EVERY) % riskyUsers.length];

  const signIns = new Map<number, SignInBeat>();
  /** Places beats at the next free, non-risky indexes from `start` (older as the index grows). */
  const lay = (start: number, beats: readonly SignInBeat[]) => {
    let i = start;
    // Indexes grow toward the past: lay the story's last beat first.
    for (const beat of [...beats].reverse()) {
      while (isRiskyIndex(i) || signIns.has(i) || i === adminRiskyIndex) i++;
      if (i >= tl.count) return;
      signIns.set(i++, beat);
    }
  };
  const base = { resource: 'Office 365 Exchange Online', ca: {}, beta: {}, mfa: false };

  // 1. The spray: three rounds over the dozen targets, the victim's third try succeeds.
  const spray: SignInBeat[] = [];
  for (let round = 0; round < 3; round++) {
    sprayTargets.forEach((user, k) => {
      const last = round === 2;
      const errorCode = last && user === sprayVictim ? 0 : last && (k === 2 || k === 9) ? 50053 : 50126;
      spray.push({ ...base, eventType: 'interactiveUser', user, network: STORY_NETWORKS.spray, networkIndex: round * 12 + k, app: 'Office 365 Exchange Online', device: ROPC, errorCode, clientAppUsed: 'Other clients', flow: `spray${round}`, beta: { authenticationProtocol: 'ropc' } });
    });
  }
  // Minutes later the sprayed password reads mail.
  for (let k = 0; k < 2; k++) spray.push({ ...base, eventType: 'interactiveUser', user: sprayVictim, network: STORY_NETWORKS.spray, networkIndex: k, app: 'Office 365 Exchange Online', device: ROPC, errorCode: 0, clientAppUsed: 'Other clients', flow: 'sprayMail', beta: { authenticationProtocol: 'ropc' } });
  lay(at(tl.anchorMs - 30 * HOUR), spray);

  // 2. MFA fatigue: eight denied pushes, one approved, then the attacker's session refreshes.
  const fatigue: SignInBeat[] = [];
  const pushed = { ...base, user: fatigueVictim, network: STORY_NETWORKS.fatigue, networkIndex: 0, app: 'OfficeHome', device: LINUX_FIREFOX, clientAppUsed: 'Browser', flow: 'fatigue' };
  for (let k = 0; k < 8; k++) fatigue.push({ ...pushed, eventType: 'interactiveUser', errorCode: 500121, ca: { [MFA]: 'failure' } });
  fatigue.push({ ...pushed, eventType: 'interactiveUser', errorCode: 0, mfa: true, ca: { [MFA]: 'success' } });
  for (let k = 0; k < 3; k++) fatigue.push({ ...pushed, eventType: 'nonInteractiveUser', resource: k === 1 ? 'Microsoft Graph' : 'Office 365 Exchange Online', errorCode: 0, mfa: true, ca: { [MFA]: 'success' }, beta: { incomingTokenType: 'refreshToken' } });
  lay(at(tl.anchorMs - 9 * HOUR), fatigue);

  // 3. The device-code phish: the victim signs in the attacker's device, whose refresh token is then used elsewhere.
  const home = { asn: 7922, place: PLACES[phishVictim.homePlace], address: () => `73.${(mix32(input.seed, 0x571) % 200) + 20}.14.9` };
  const phish: SignInBeat[] = [
    { ...base, eventType: 'interactiveUser', user: phishVictim, network: home, networkIndex: 0, app: 'Microsoft Office', resource: 'Microsoft Graph', device: WINDOWS_EDGE, errorCode: 0, clientAppUsed: 'Mobile Apps and Desktop clients', mfa: true, flow: 'phish', ca: { [MFA]: 'success' }, beta: { authenticationProtocol: 'deviceCode', originalTransferMethod: 'deviceCodeFlow', signInTokenProtectionStatus: 'unbound', tokenProtectionStatusDetails: { signInSessionStatus: 'unbound', signInSessionStatusCode: null } } },
  ];
  // The attacker is elsewhere: should the victim live where the phishing network is, it is moved.
  const attacker = home.place === STORY_NETWORKS.phish.place ? { ...STORY_NETWORKS.phish, place: PLACES[11] } : STORY_NETWORKS.phish;
  for (let k = 0; k < 5; k++) phish.push({ ...base, eventType: 'nonInteractiveUser', user: phishVictim, network: attacker, networkIndex: 0, app: 'Microsoft Office', resource: k % 2 === 0 ? 'Microsoft Graph' : 'Office 365 Exchange Online', device: SCRIPT, errorCode: 0, clientAppUsed: 'Mobile Apps and Desktop clients', mfa: true, flow: 'phish', ca: { [MFA]: 'success' }, beta: { incomingTokenType: 'refreshToken', signInTokenProtectionStatus: 'unbound', tokenProtectionStatusDetails: { signInSessionStatus: 'unbound', signInSessionStatusCode: null } } });
  lay(at(tl.anchorMs - 4 * HOUR), phish);

  // 4. The risky admin: made Global Administrator five days ago; after the risky sign-in, persistence.
  const movedSignIns = new Map<number, Network>([[adminRiskyIndex, STORY_NETWORKS.admin]]);
  const signedInMs = tl.anchorMs - (tl.spanMs / tl.count) * (adminRiskyIndex + 0.5);
  const audits = new Map<number, AuditBeat>();
  const auditBeat = (ms: number, beat: AuditBeat) => {
    let i = auditAt(ms);
    while (audits.has(i)) i++;
    if (i < input.auditTimeline.count) audits.set(i, beat);
  };
  auditBeat(tl.anchorMs - 5 * DAY, { activity: 'Add member to role', actor: input.grantor, actorAddress: undefined, target: admin });
  auditBeat(signedInMs + 20 * 60_000, { activity: 'Add service principal credentials', actor: admin, actorAddress: STORY_NETWORKS.admin.address(), target: undefined });
  auditBeat(signedInMs + 35 * 60_000, { activity: 'Add member to role', actor: admin, actorAddress: STORY_NETWORKS.admin.address(), target: sprayVictim });

  return { cast: { sprayTargets, sprayVictim, fatigueVictim, phishVictim, admin, adminRiskyIndex }, signIns, movedSignIns, audits };
}

/** Conditional access results for a beat: the named policies as given, the others not applied. */
export function storyPolicies(beat: SignInBeat, policies: readonly CaPolicy[]): { applied: Record<string, unknown>[]; status: string } {
  const applied = policies.map((p) => {
    const result = p.coverage === 0 ? 'notEnabled' : (Object.entries(beat.ca).find(([prefix]) => p.displayName.startsWith(prefix))?.[1] ?? (p.reportOnly ? 'reportOnlyNotApplied' : 'notApplied'));
    const enforced = result === 'success' || result === 'failure';
    return { id: p.id, displayName: p.displayName, enforcedGrantControls: enforced ? [...p.grantControls] : [], enforcedSessionControls: enforced ? [...p.sessionControls] : [], result };
  });
  const results = applied.map((a) => a.result);
  return { applied, status: results.includes('failure') ? 'failure' : results.includes('success') ? 'success' : 'notApplied' };
}

/** A stable session id per user and flow: the sign-ins of one story flow share it. */
export function storySessionId(seed: number, userId: string, flow: string): string {
  let h = mix32(seed, Number.parseInt(userId.slice(0, 8), 16));
  for (let k = 0; k < flow.length; k++) h = mix32(h, flow.charCodeAt(k));
  const word = (k: number) => (mix32(h, k) >>> 0).toString(16).padStart(8, '0');
  const [a, b, c, d] = [word(1), word(2), word(3), word(4)];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

export const storyApp = app;
export const storyResource = (name: string) => RESOURCES.find((r) => r.displayName === name)!;
/** The app the risky admin adds a credential to. */
export const STORY_WORKLOAD = WORKLOADS[2];
export { WINDOWS_EDGE as STORY_MANAGED_DEVICE };
