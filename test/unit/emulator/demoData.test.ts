import * as assert from 'assert';
import { defaultConfig } from '../../../src/emulator/config';
import { defaultSizes, TenantData } from '../../../src/emulator/data/dataset';
import { CONTENT_TYPES } from '../../../src/emulator/data/o365';
import { DEVICE_PROFILES, HOSTILE_STRINGS } from '../../../src/emulator/data/tables';

const ANCHOR = Date.parse('2026-11-30T12:00:00Z');
const tenant = defaultConfig().tenants[0];
const demo = new TenantData(42, tenant, ANCHOR, { ...defaultSizes(3000), hostileText: false });
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
