import * as assert from 'assert';
import { defaultConfig } from '../../../src/emulator/config';
import { defaultSizes, demoSizes, TenantData } from '../../../src/emulator/data/dataset';
import { betaExtras } from '../../../src/emulator/data/signInBeta';
import { riskDetectionSignInIndex } from '../../../src/emulator/data/risk';
import { CONTENT_TYPES } from '../../../src/emulator/data/o365';
import { DEVICE_PROFILES, HOSTILE_STRINGS } from '../../../src/emulator/data/tables';

const ANCHOR = Date.parse('2026-11-30T12:00:00Z');
const tenant = defaultConfig().tenants[0];
const demo = new TenantData(42, tenant, ANCHOR, demoSizes(5000));
const fixture = new TenantData(42, tenant, ANCHOR, defaultSizes(3000));

function everything(data: TenantData): string {
  const parts: unknown[] = [data.users, [...data.riskyUsers.values()], [...data.riskyServicePrincipals.values()]];
  for (let i = 0; i < data.sizes.signIns; i++) parts.push(data.signIn(i).json);
  for (let i = 0; i < data.sizes.audits; i++) parts.push(data.audit(i));
  for (let i = 0; i < data.sizes.provisioning; i++) parts.push(data.provisioning(i));
  for (let j = 0; j < data.riskDetectionCount; j++) parts.push(data.riskDetection(j));
  for (const ct of CONTENT_TYPES) for (const b of data.blobsCreatedBetween(ct, ANCHOR - 2 * 86_400_000, ANCHOR, ANCHOR)) parts.push(data.blobRecords(b));
  return JSON.stringify(parts);
}

describe('emulator: the demo tenant\'s data is believable and consistent; hostile text is the tests\' fixture', function () {
  this.timeout(60_000);
  const hostileIn = (text: string) => HOSTILE_STRINGS.filter((h) => text.includes(JSON.stringify(h).slice(1, -1)));

  it('the demo data holds none of the hostile test strings; the test fixture holds them', () => {
    assert.deepStrictEqual(hostileIn(everything(demo)), []);
    assert.ok(hostileIn(everything(fixture)).length >= 5, 'the fixture keeps its hostile strings');
  });

  it('a sign-in\'s operating system, browser and user agent come from one device', () => {
    for (let i = 0; i < 2000; i++) {
      const s = demo.signIn(i).json as { userAgent: string | null; deviceDetail: { operatingSystem: string | null; browser: string | null; isManaged: boolean | null } };
      if (s.userAgent === null) continue;
      const profile = DEVICE_PROFILES.find((p) => p.userAgent === s.userAgent);
      assert.ok(profile, s.userAgent);
      assert.strictEqual(s.deviceDetail.operatingSystem, profile.operatingSystem);
      assert.strictEqual(s.deviceDetail.browser, profile.browser);
      if (s.deviceDetail.isManaged) assert.ok(profile.manageable, `a managed ${profile.operatingSystem} ${profile.browser}`);
    }
  });

  it('a sign-in whose password failed shows no conditional access result: policies run after primary authentication', () => {
    let seen = 0;
    for (let i = 0; i < demo.sizes.signIns; i++) {
      const s = demo.signIn(i).json as { status: { errorCode: number }; conditionalAccessStatus: string; appliedConditionalAccessPolicies: { result: string; enforcedGrantControls: string[] }[] };
      if (![50126, 50053, 50055, 50057].includes(s.status.errorCode)) continue;
      seen++;
      assert.strictEqual(s.conditionalAccessStatus, 'notApplied');
      for (const p of s.appliedConditionalAccessPolicies) {
        assert.ok(['notApplied', 'reportOnlyNotApplied', 'notEnabled'].includes(p.result), p.result);
        assert.deepStrictEqual(p.enforcedGrantControls, []);
      }
    }
    assert.ok(seen > 100, `${seen} sign-ins with a failed password`);
  });

  it('audits change what their activity changes, and only values that really changed', () => {
    let seen = 0;
    for (let i = 0; i < demo.sizes.audits; i++) {
      const a = demo.audit(i) as { activityDisplayName: string; targetResources: { type: string; modifiedProperties: { displayName: string; oldValue: string | null; newValue: string | null }[] }[] };
      const t = a.targetResources[0];
      if (a.activityDisplayName === 'Update conditional access policy') {
        seen++;
        assert.strictEqual(t.type, 'Policy');
        assert.deepStrictEqual(t.modifiedProperties.map((m) => m.displayName), ['ConditionalAccessPolicy']);
      }
      for (const m of t.modifiedProperties) assert.notStrictEqual(m.oldValue, m.newValue, `${a.activityDisplayName}: ${m.displayName} is listed as changed`);
    }
    assert.ok(seen > 0);
  });

  it('provisioning steps say what the record\'s action did, in its own target system', () => {
    for (let i = 0; i < demo.sizes.provisioning; i++) {
      const p = demo.provisioning(i) as { provisioningAction: string; targetSystem: { displayName: string }; provisioningSteps: { provisioningStepType: string; description: string }[]; modifiedProperties: { oldValue: string | null; newValue: string | null }[] };
      const exportStep = p.provisioningSteps.find((s) => s.provisioningStepType === 'export')!;
      assert.ok(exportStep.description.endsWith(p.targetSystem.displayName), exportStep.description);
      if (p.provisioningAction === 'create') assert.doesNotMatch(exportStep.description, /updated|deleted/);
      for (const m of p.modifiedProperties) assert.notStrictEqual(m.oldValue, m.newValue);
    }
  });
});

/** A sign-in as the beta endpoint returns it. */
interface Beta {
  id: string;
  createdDateTime: string;
  userId: string;
  userPrincipalName: string | null;
  ipAddress: string;
  status: { errorCode: number };
  location: { countryOrRegion: string };
  signInEventTypes: string[];
  authenticationProtocol: string;
  originalTransferMethod: string;
  incomingTokenType: string;
  sessionId: string | null;
  autonomousSystemNumber: number;
  authenticationRequirement: string;
  authenticationDetails: { authenticationMethod: string; succeeded: boolean; authenticationStepResultDetail: string | null }[];
  riskLevelDuringSignIn: string;
}

describe('emulator: the demo tenant holds a seeded attack story that a person can find in the logs', function () {
  this.timeout(60_000);
  const signIns: Beta[] = [];
  for (let i = 0; i < demo.sizes.signIns; i++) {
    const r = demo.signIn(i);
    signIns.push({ ...r.json, ...betaExtras(r) } as unknown as Beta);
  }
  const audits = Array.from({ length: demo.sizes.audits }, (_, i) => demo.audit(i) as { activityDisplayName: string; activityDateTime: string; initiatedBy: { user: { id: string; ipAddress: string } | null }; targetResources: { id: string; type: string; modifiedProperties: { displayName: string; newValue: string | null }[] }[] });
  const ms = (s: { createdDateTime: string }) => Date.parse(s.createdDateTime);
  /** Documentation AS numbers (RFC 5398): only the story's attackers use them. */
  const attackerAsn = (asn: number) => asn >= 64496 && asn <= 64511;

  it('a password spray: three rounds from one network against a dozen users within two hours, two lockouts, one success without MFA', () => {
    const byAsn = new Map<number, Beta[]>();
    for (const s of signIns) if (attackerAsn(s.autonomousSystemNumber)) byAsn.set(s.autonomousSystemNumber, [...(byAsn.get(s.autonomousSystemNumber) ?? []), s]);
    const spray = [...byAsn.values()].find((list) => new Set(list.map((s) => s.userId)).size >= 10)!;
    assert.ok(spray, 'one network tried many users');
    assert.strictEqual(new Set(spray.map((s) => s.userId)).size, 12);
    const times = spray.map(ms);
    assert.ok(Math.max(...times) - Math.min(...times) < 3 * 3_600_000, 'within hours');
    assert.ok(spray.every((s) => s.authenticationProtocol === 'ropc' && s.signInEventTypes[0] === 'interactiveUser'));
    assert.strictEqual(spray.filter((s) => s.status.errorCode === 50126).length, 33);
    assert.strictEqual(spray.filter((s) => s.status.errorCode === 50053).length, 2);
    const wins = spray.filter((s) => s.status.errorCode === 0);
    assert.deepStrictEqual([...new Set(wins.map((s) => s.userId))], [demo.story!.cast.sprayVictim.id], 'one account fell');
    assert.ok(wins.every((s) => s.authenticationRequirement === 'singleFactorAuthentication'));
    assert.strictEqual(new Set(spray.map((s) => s.ipAddress)).size, 5, 'a handful of addresses in one network');
  });

  it('MFA fatigue: denied pushes from one foreign address, then an approval whose session refreshes tokens', () => {
    const victim = demo.story!.cast.fatigueVictim;
    const theirs = signIns.filter((s) => s.userId === victim.id && attackerAsn(s.autonomousSystemNumber)).sort((a, b) => ms(a) - ms(b));
    const denied = theirs.filter((s) => s.status.errorCode === 500121);
    assert.strictEqual(denied.length, 8);
    assert.ok(denied.every((s) => s.authenticationDetails.some((d) => d.authenticationMethod === 'Mobile app notification' && !d.succeeded && /declined/.test(d.authenticationStepResultDetail ?? ''))));
    assert.ok(ms(denied[7]) - ms(denied[0]) < 3_600_000, 'a burst, not a pattern over days');
    const approval = theirs[8];
    assert.strictEqual(approval.status.errorCode, 0);
    assert.ok(approval.authenticationDetails.some((d) => d.authenticationStepResultDetail === 'MFA successfully completed' && d.succeeded));
    assert.strictEqual(new Set(theirs.map((s) => s.ipAddress)).size, 1);
    assert.notStrictEqual(theirs[0].location.countryOrRegion, 'US');
    const refreshes = theirs.slice(9);
    assert.strictEqual(refreshes.length, 3);
    assert.ok(refreshes.every((s) => s.signInEventTypes[0] === 'nonInteractiveUser' && s.sessionId === approval.sessionId && s.incomingTokenType === 'refreshToken'));
  });

  it('a device-code phish: one device-code sign-in from home, then its session\'s refresh token redeemed from another country and network', () => {
    const deviceCode = signIns.filter((s) => s.authenticationProtocol === 'deviceCode');
    assert.strictEqual(deviceCode.length, 1);
    const phish = deviceCode[0];
    assert.strictEqual(phish.originalTransferMethod, 'deviceCodeFlow');
    assert.strictEqual(phish.userId, demo.story!.cast.phishVictim.id);
    assert.ok(!attackerAsn(phish.autonomousSystemNumber), 'the victim signs in from their own network');
    const session = signIns.filter((s) => s.sessionId === phish.sessionId && s !== phish);
    assert.strictEqual(session.length, 5);
    for (const s of session) {
      assert.ok(ms(s) > ms(phish) && ms(s) - ms(phish) < 2 * 3_600_000);
      assert.strictEqual(s.signInEventTypes[0], 'nonInteractiveUser');
      assert.strictEqual(s.incomingTokenType, 'refreshToken');
      assert.ok(attackerAsn(s.autonomousSystemNumber));
      assert.notStrictEqual(s.location.countryOrRegion, phish.location.countryOrRegion);
    }
  });

  it('a risky admin: made Global Administrator days before, held at high risk after a sign-in from an unfamiliar address, then acts from that address', () => {
    const { admin, adminRiskyIndex } = demo.story!.cast;
    const state = demo.riskyUsers.get(admin.id)!;
    assert.deepStrictEqual([state.riskState, state.riskLevel], ['atRisk', 'high']);
    const risky = signIns[adminRiskyIndex];
    assert.strictEqual(risky.userId, admin.id);
    assert.strictEqual(risky.riskLevelDuringSignIn, 'high');
    assert.ok(attackerAsn(risky.autonomousSystemNumber));
    // The risk detection is the same sign-in: same request id, same address.
    const j = (adminRiskyIndex - riskDetectionSignInIndex(0)) / (riskDetectionSignInIndex(1) - riskDetectionSignInIndex(0));
    const detection = demo.riskDetection(j) as { requestId: string; ipAddress: string; riskEventType: string };
    assert.deepStrictEqual([detection.requestId, detection.ipAddress, detection.riskEventType], [risky.id, risky.ipAddress, 'unfamiliarFeatures']);
    const granted = audits.find((a) => a.activityDisplayName === 'Add member to role' && a.targetResources[0].id === admin.id);
    assert.ok(granted && granted.targetResources[0].modifiedProperties[0].newValue === '"Global Administrator"');
    assert.ok(Date.parse(granted.activityDateTime) < ms(risky) - 3 * 86_400_000);
    const acts = audits.filter((a) => a.initiatedBy.user?.id === admin.id && a.initiatedBy.user.ipAddress === risky.ipAddress);
    assert.deepStrictEqual(acts.map((a) => a.activityDisplayName).sort(), ['Add member to role', 'Add service principal credentials']);
    for (const a of acts) assert.ok(Date.parse(a.activityDateTime) > ms(risky) && Date.parse(a.activityDateTime) - ms(risky) < 3_600_000);
  });

  it('the story is the only traffic from the attackers\' networks, and every story record keeps its generated id and time', () => {
    const story = demo.story!;
    const fromAttackers = signIns.filter((s) => attackerAsn(s.autonomousSystemNumber)).length;
    assert.strictEqual(fromAttackers, story.signIns.size - 1 + story.movedSignIns.size, 'every beat but the phish\'s home sign-in');
    const background = new TenantData(42, tenant, ANCHOR, { ...demoSizes(5000), story: false });
    for (const i of [...story.signIns.keys(), ...story.movedSignIns.keys()]) {
      const b = background.signIn(i).json;
      assert.deepStrictEqual([signIns[i].id, signIns[i].createdDateTime], [b.id, b.createdDateTime]);
    }
    // Lookup by id still finds the story's record (the id carries its index).
    assert.strictEqual(background.sizes.story, false);
    assert.strictEqual(fixture.story, undefined, 'the tests\' background data has no story');
  });
});
