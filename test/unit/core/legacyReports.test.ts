import * as assert from 'assert';
import { categoryById } from '../../../src/core/catalog/categories';
import { findLegacyReports, LEGACY_REPORTS, legacyReport } from '../../../src/core/catalog/legacyReports';
import { buildFilter } from '../../../src/core/odata/build';

/** The 32 names of the retired API, as listed in API-FACTS section 6 (May 2017). */
const NAMES = [
  'b2cAuthenticationCountSummary', 'b2cMfaRequestCount', 'b2cMfaRequestEvent', 'b2cAuthenticationEvent', 'b2cAuthenticationCount', 'b2cMfaRequestCountSummary', 'tenantUserCount',
  'applicationUsageDetailEvents', 'applicationUsageSummaryEvents', 'b2cUserJourneySummaryEvents', 'b2cUserJourneyEvents', 'cloudAppDiscoveryEvents', 'mimSsgmGroupActivityEvents',
  'ssgmGroupActivityEvents', 'mimSsprActivityEvents', 'ssprActivityEvents', 'mimSsprRegistrationActivityEvents', 'ssprRegistrationActivityEvents', 'threatenedCredentials',
  'compromisedCredentials', 'auditEvents', 'accountProvisioningEvents', 'signInsFromUnknownSourcesEvents', 'signInsFromIPAddressesWithSuspiciousActivityEvents',
  'signInsFromMultipleGeographiesEvents', 'signInsFromPossiblyInfectedDevicesEvents', 'irregularSignInActivityEvents', 'allUsersWithAnomalousSignInActivityEvents',
  'signInsAfterMultipleFailuresEvents', 'applicationUsageSummary', 'userActivitySummary', 'groupActivitySummary',
];

describe('core/catalog: legacy Azure AD report names', () => {
  it('covers all 32 names once, and nothing else', () => {
    assert.strictEqual(NAMES.length, 32);
    assert.deepStrictEqual(
      LEGACY_REPORTS.map((r) => r.name).sort(),
      [...NAMES].sort(),
    );
  });

  for (const r of LEGACY_REPORTS) {
    it(`${r.name}: ${r.target.kind === 'query' ? `opens ${r.target.category}` : 'explains what replaced it'}`, () => {
      assert.ok(r.held.length > 5);
      if (r.target.kind === 'elsewhere') {
        assert.ok(r.target.explanation.length > 40, 'a real explanation');
        return;
      }
      const category = categoryById(r.target.category);
      assert.ok(category, `category ${r.target.category} exists`);
      const built = buildFilter(category, r.target.model, { nowMs: Date.parse('2026-11-22T10:00:00Z'), retentionDays: 30 });
      assert.deepStrictEqual(built.problems, [], 'the ready query is a valid filter');
    });
  }

  it('maps the examples API-FACTS gives', () => {
    const target = (name: string) => legacyReport(name)?.target;
    assert.deepStrictEqual(target('auditEvents'), { kind: 'query', category: 'directoryAudits', model: { time: { kind: 'last', hours: 168 }, clauses: [], client: [] }, note: undefined });
    const unknown = target('signInsFromUnknownSourcesEvents');
    assert.ok(unknown?.kind === 'query' && unknown.category === 'riskDetections');
    assert.deepStrictEqual(unknown.model.clauses, [{ field: 'riskEventType', op: 'eq', values: ['anonymizedIPAddress'] }]);
    const sspr = target('ssprActivityEvents');
    assert.ok(sspr?.kind === 'query');
    assert.deepStrictEqual(sspr.model.clauses, [{ field: 'loggedByService', op: 'eq', values: ['Self-service Password Management'] }]);
    assert.strictEqual(target('accountProvisioningEvents')?.kind === 'query' && (target('accountProvisioningEvents') as { category: string }).category, 'provisioning');
    assert.strictEqual(target('tenantUserCount')?.kind, 'elsewhere');
    assert.strictEqual(target('b2cAuthenticationCountSummary')?.kind, 'elsewhere');
  });

  it('finds reports by the words of their name or what they held, and nothing for words that match none', () => {
    const names = (q: string) => findLegacyReports(q).map((r) => r.name);
    assert.deepStrictEqual(names('unknown sources'), ['signInsFromUnknownSourcesEvents']);
    assert.deepStrictEqual(names('Multiple Geographies'), ['signInsFromMultipleGeographiesEvents']);
    assert.deepStrictEqual(names('sspr registration'), ['ssprRegistrationActivityEvents', 'mimSsprRegistrationActivityEvents']);
    assert.deepStrictEqual(names('leaked'), ['threatenedCredentials', 'compromisedCredentials']);
    assert.deepStrictEqual(names('auditEvents'), ['auditEvents'], 'an exact name wins');
    assert.deepStrictEqual(names('kerberos tickets'), []);
    assert.deepStrictEqual(names('  '), []);
  });

  it('signInsAfterMultipleFailuresEvents: what it says it opens is what it opens', () => {
    const r = legacyReport('signInsAfterMultipleFailuresEvents')!;
    assert.ok(r.target.kind === 'query');
    const codes = r.target.model.clauses[0].values;
    assert.deepStrictEqual(codes, [50126, 50053]);
    for (const c of codes) assert.ok(r.target.note?.includes(String(c)), `the note names ${c}`);
    assert.match(r.target.note ?? '', /opens the repeated failures/);
  });

  it('finds a name whatever its case and spacing', () => {
    assert.strictEqual(legacyReport('  AUDITEVENTS ')?.name, 'auditEvents');
    assert.strictEqual(legacyReport('nope'), undefined);
  });
});
