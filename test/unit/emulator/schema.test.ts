import * as assert from 'assert';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { Csdl } from '../../support/csdl';
import { appToken, CONTOSO, FULL_APP, request } from '../../support/emulatorClient';

describe('fake tenant: every record validates against the official CSDL extract', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let token: string;
  const csdl = Csdl.load();

  before(async () => {
    emulator = await startEmulator({ signIns: 3000, throttling: false });
    token = await appToken(emulator, CONTOSO, FULL_APP);
  });
  after(() => emulator.close());

  const list = async (path: string) => {
    const res = await request(emulator, `${emulator.origin}/v1.0${path}`, { token });
    assert.strictEqual(res.status, 200, res.text);
    return (res.json as { value: Record<string, unknown>[] }).value;
  };

  it('knows the schema it validates against', () => {
    assert.ok(csdl.types.has('signIn') && csdl.enums.get('riskDetail')?.has('userPassedMFADrivenByRiskBasedPolicy'));
    assert.deepStrictEqual(csdl.validate('signIn', { id: 'x', userId: '', createdDateTime: '2024-01-01T00:00:00Z', bogus: 1, riskState: 'nope' }).sort(), [
      'signIn.bogus: not a property of signIn',
      'signIn.riskState: "nope" is not a member of riskState',
    ]);
    assert.deepStrictEqual(csdl.validate('signIn', { id: 'x', userId: '', createdDateTime: '2024-01-01', status: { errorCode: '5' }, appliedConditionalAccessPolicies: [{ result: 'blocked' }] }).sort(), [
      'signIn.appliedConditionalAccessPolicies[0]: "blocked" is not a member of appliedConditionalAccessPolicyResult'.replace(': "', '.result: "'),
      'signIn.createdDateTime: expected a DateTimeOffset, got "2024-01-01"',
      'signIn.status.errorCode: expected an Int32',
    ]);
  });

  const cases: [string, string, string][] = [
    ['signIn', '/auditLogs/signIns?$top=1000', 'signIns'],
    ['directoryAudit', '/auditLogs/directoryAudits?$top=1000', 'audits'],
    ['provisioningObjectSummary', '/auditLogs/provisioning?$top=300', 'provisioning events'],
    ['riskDetection', '/identityProtection/riskDetections?$top=500', 'risk detections'],
    ['riskyUser', '/identityProtection/riskyUsers?$top=500', 'risky users'],
  ];
  for (const [type, path, label] of cases) {
    it(`${label} (${type})`, async () => {
      const records = await list(path);
      assert.ok(records.length >= 20, `only ${records.length} ${label}`);
      const problems = records.flatMap((r, i) => csdl.validate(type, r, `${type}[${i}]`));
      assert.deepStrictEqual(problems.slice(0, 10), []);
    });
  }

  it('risky user history items (riskyUserHistoryItem)', async () => {
    const users = await list('/identityProtection/riskyUsers?$top=50');
    let items = 0;
    for (const u of users.slice(0, 8)) {
      const history = await list(`/identityProtection/riskyUsers/${String(u.id)}/history`);
      items += history.length;
      assert.deepStrictEqual(history.flatMap((h, i) => csdl.validate('riskyUserHistoryItem', h, `history[${i}]`)), []);
    }
    assert.ok(items >= 8);
  });

  it('risky service principals and their history (riskyServicePrincipal, riskyServicePrincipalHistoryItem)', async () => {
    const sps = await list('/identityProtection/riskyServicePrincipals');
    assert.ok(sps.length >= 3);
    assert.deepStrictEqual(sps.flatMap((r, i) => csdl.validate('riskyServicePrincipal', r, `sp[${i}]`)), []);
    for (const p of sps) {
      const history = await list(`/identityProtection/riskyServicePrincipals/${String(p.id)}/history`);
      assert.ok(history.length >= 1);
      assert.deepStrictEqual(history.flatMap((h, i) => csdl.validate('riskyServicePrincipalHistoryItem', h, `history[${i}]`)), []);
    }
  });

  it('includes hostile but valid strings in names and user agents', async () => {
    const text = JSON.stringify(await list('/auditLogs/signIns?$top=1000'));
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'markup');
    assert.ok(text.includes('\\u202e') || text.includes('\u202E'), 'right-to-left override');
    assert.ok(text.includes('A'.repeat(2048)), 'very long value');
  });
});
