/**
 * Pivots from audit, risk detection and risky-user records: each is a filter Graph accepts (built
 * by our own filter builder, then parsed and checked by the fake tenant's rules for its endpoint),
 * names what it is about, and a value that is not an id makes no pivot at all.
 */
import * as assert from 'assert';
import { categoryById } from '../../../src/core/catalog/categories';
import { type GraphCategory } from '../../../src/core/catalog/types';
import { type Pivot, recordPivots, relatedModel } from '../../../src/core/detail/pivots';
import { buildFilter } from '../../../src/core/odata/build';
import { defaultConfig } from '../../../src/emulator/config';
import { demoSizes, TenantData } from '../../../src/emulator/data/dataset';
import { parseFilter } from '../../../src/emulator/odata/parser';
import { DIRECTORY_AUDIT_RULES, type EndpointRules, RISK_DETECTION_RULES, RISKY_USER_RULES, SIGN_IN_BETA_RULES } from '../../../src/emulator/odata/rules';
import { validateFilter } from '../../../src/emulator/odata/validate';

const ANCHOR = Date.parse('2026-11-30T12:00:00Z');
const data = new TenantData(42, defaultConfig().tenants[0], ANCHOR, demoSizes(5000));
const RULES: Record<string, EndpointRules> = { 'signIns.interactive': SIGN_IN_BETA_RULES, 'signIns.nonInteractive': SIGN_IN_BETA_RULES, 'signIns.servicePrincipal': SIGN_IN_BETA_RULES, directoryAudits: DIRECTORY_AUDIT_RULES, riskDetections: RISK_DETECTION_RULES, riskyUsers: RISKY_USER_RULES };

function checkAccepted(pivots: readonly Pivot[]): void {
  for (const p of pivots) {
    if (p.action.kind !== 'query') continue;
    const q = p.action.query;
    const built = buildFilter(categoryById(q.category) as GraphCategory, relatedModel(q), { nowMs: ANCHOR, retentionDays: 30 });
    assert.deepStrictEqual(built.problems, [], `${p.label}: ${JSON.stringify(q.clauses)}`);
    assert.doesNotThrow(() => validateFilter(parseFilter(built.filter!), { rules: RULES[q.category] }), `${p.label}: ${built.filter}`);
  }
}

describe('core/detail: pivots from audit, risk detection and risky-user records', () => {
  it('a risk detection opens the sign-in it came from, and pivots to its user and address', () => {
    const d = data.riskDetection(0);
    const pivots = recordPivots('riskDetection', d);
    assert.deepStrictEqual(pivots[0].action, { kind: 'openSignIn', requestId: d.requestId });
    assert.deepStrictEqual(pivots.filter((p) => p.action.kind === 'query').map((p) => (p.action.kind === 'query' ? p.action.query.category : '')), ['signIns.interactive', 'signIns.nonInteractive', 'riskDetections', 'riskyUsers', 'signIns.interactive']);
    const around = pivots[1].action.kind === 'query' ? pivots[1].action.query.hours : undefined;
    assert.deepStrictEqual(around, { fromMs: Date.parse(String(d.detectedDateTime)) - 3_600_000, toMs: Date.parse(String(d.detectedDateTime)) + 3_600_000 });
    checkAccepted(pivots);
  });

  it('the risky admin\'s audits: the initiator\'s sign-ins and audits, each target\'s audits and sign-ins, the address', () => {
    const admin = data.story!.cast.admin;
    let audit: Record<string, unknown> | undefined;
    for (let i = 0; i < data.sizes.audits && !audit; i++) {
      const a = data.audit(i);
      const by = (a.initiatedBy as { user?: { id?: string; ipAddress?: string } }).user;
      if (by?.id === admin.id && by.ipAddress === '192.0.2.140' && a.activityDisplayName === 'Add member to role') audit = a;
    }
    assert.ok(audit, 'the story has the admin granting a role');
    const pivots = recordPivots('directoryAudit', audit);
    const labels = pivots.map((p) => p.label);
    assert.ok(labels.includes(`Audits initiated by ${admin.userPrincipalName}`), labels.join(' | '));
    const target = (audit.targetResources as { id: string; userPrincipalName?: string; displayName?: string }[])[0];
    assert.ok(labels.some((l) => l.startsWith('Audits that target')), labels.join(' | '));
    assert.ok(pivots.some((p) => p.action.kind === 'query' && p.action.query.clauses[0].field === 'targetResources/id' && p.action.query.clauses[0].values[0] === target.id));
    assert.ok(labels.some((l) => l.startsWith('Sign-ins from 192.0.2.140')), 'the address the admin acted from');
    checkAccepted(pivots);
  });

  it('a workload\'s detection pivots to its app\'s sign-ins around it (no user to pivot on)', () => {
    const d = data.servicePrincipalRiskDetections()[0];
    const pivots = recordPivots('riskDetection', d);
    const app = pivots.find((p) => p.action.kind === 'query' && p.action.query.category === 'signIns.servicePrincipal');
    assert.ok(app && app.action.kind === 'query');
    assert.deepStrictEqual(app.action.query.clauses[0].values, [d.appId]);
    assert.ok(!pivots.some((p) => p.action.kind === 'query' && p.action.query.clauses[0].field === 'userId'));
    checkAccepted(pivots);
  });

  it('a risky user pivots to their sign-ins, detections, and the audits by and about them', () => {
    const user = [...data.riskyUsers.values()][0];
    const pivots = recordPivots('riskyUser', user as unknown as Record<string, unknown>);
    assert.strictEqual(pivots.length, 4);
    checkAccepted(pivots);
  });

  it('values that are not ids make no pivot (hostile or malformed records)', () => {
    assert.deepStrictEqual(recordPivots('riskDetection', { requestId: '<img src=x>', userId: "' or 1 eq 1", ipAddress: '' }), []);
    assert.deepStrictEqual(recordPivots('directoryAudit', { initiatedBy: { user: { id: 42 } }, targetResources: [{ id: 'not-a-guid' }, null, 'x'] }), []);
    assert.deepStrictEqual(recordPivots('riskyUser', { id: { nested: true } }), []);
    assert.deepStrictEqual(recordPivots('provisioning', { id: '11111111-2222-4333-8444-555555555555' }), []);
  });
});
