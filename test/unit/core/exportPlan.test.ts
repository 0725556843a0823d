import * as assert from 'assert';
import { categoryById, signInCategoryOf } from '../../../src/core/catalog/categories';
import { type GraphCategory } from '../../../src/core/catalog/types';
import { queryHeader, recordHeader, csvColumnChoices, slug, suggestedBaseName } from '../../../src/core/export/header';
import { exportPlan } from '../../../src/core/export/plan';
import { durationText, exportProgressText } from '../../../src/core/export/progressText';
import { EMPTY_FILTER } from '../../../src/core/odata/model';
import { type TenantConfig } from '../../../src/core/tenants/tenantConfig';
import { RESULTS_REQUESTS } from '../../../src/webview/results/protocol';

const validResultsParams = (method: keyof typeof RESULTS_REQUESTS, params: unknown) => RESULTS_REQUESTS[method](params) !== undefined;
import { describeFilters } from '../../../webview-ui/results/model';

const SIGN_INS = categoryById('signIns.interactive') as GraphCategory;
const NON_INTERACTIVE = categoryById('signIns.nonInteractive') as GraphCategory;
const RISK = categoryById('riskDetections') as GraphCategory;
const TENANT: TenantConfig = { key: 'k', displayName: 'Contoso Ltd. (Prod) ✓', tenant: '11111111-1111-4111-8111-111111111111', cloud: 'usGovHigh', gcc: false, target: 'cloud', signInKind: 'clientSecret', clientId: 'c' };
const NOW = Date.parse('2026-11-22T10:00:00Z');
const DAY = 86_400_000;

describe('core/export: what an export asks Graph for', () => {
  it('keeps the fixed event-type filter and the clauses, without time, and covers the chosen range', () => {
    const model = { ...EMPTY_FILTER, clauses: [{ field: 'userPrincipalName', op: 'eq' as const, values: ["o'brien@contoso.com"] }] };
    const p = exportPlan(NON_INTERACTIVE, model, { kind: 'last', hours: 7 * 24 }, NOW);
    assert.strictEqual(p.problem, undefined);
    assert.ok(p.filterWithoutTime?.includes("signInEventTypes/any(t: t eq 'nonInteractiveUser')"), p.filterWithoutTime);
    assert.ok(p.filterWithoutTime?.includes("userPrincipalName eq 'o''brien@contoso.com'"), p.filterWithoutTime);
    assert.ok(!p.filterWithoutTime?.includes('createdDateTime'), 'no time in the per-window filter');
    assert.ok(p.filter?.includes('createdDateTime ge 2026-11-15T10:00:00'), p.filter);
    assert.deepStrictEqual(p.range, { fromMs: NOW - 7 * DAY, toMs: NOW });
  });

  it('"all" on a report means the 30 days Graph keeps, so the export still goes day by day', () => {
    const p = exportPlan(SIGN_INS, EMPTY_FILTER, { kind: 'all' }, NOW);
    assert.deepStrictEqual(p.range, { fromMs: NOW - 30 * DAY + 60_000, toMs: NOW });
    const longer = exportPlan(SIGN_INS, EMPTY_FILTER, { kind: 'last', hours: 90 * 24 }, NOW);
    assert.strictEqual(longer.range?.fromMs, NOW - 30 * DAY + 60_000, '"last 90 days" is clamped to the retention');
  });

  it('an explicit range older than the retention is refused with the filter UI\'s message', () => {
    const p = exportPlan(SIGN_INS, EMPTY_FILTER, { kind: 'between', from: '2026-09-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }, NOW);
    assert.match(p.problem ?? '', /30 days/);
  });

  it('risk detections (kept 90 days, not a report) export "all" without a time window', () => {
    assert.strictEqual(exportPlan(RISK, EMPTY_FILTER, { kind: 'all' }, NOW).range, undefined);
  });

  it('a raw filter with an error is refused before anything is written', () => {
    const p = exportPlan(SIGN_INS, { ...EMPTY_FILTER, raw: "userPrincipalName eq 'x" }, { kind: 'last', hours: 24 }, NOW);
    assert.ok(p.problem, 'an unterminated string is a problem');
  });
});

describe('core/export: headers and names', () => {
  it('the header says which tenant, cloud, report, filter, range and tool', () => {
    const h = queryHeader({ tenant: TENANT, category: SIGN_INS, filter: 'createdDateTime ge 2026-11-21T10:00:00Z', range: { fromMs: NOW - DAY, toMs: NOW }, clientFilters: ['failures only'], fetchedAtMs: NOW, extensionVersion: '1.2.3' });
    assert.deepStrictEqual(h, {
      tenant: { id: TENANT.tenant, name: TENANT.displayName, cloud: 'usGovHigh' },
      category: { id: 'signIns.interactive', label: 'Interactive sign-ins', endpoint: 'beta/auditLogs/signIns' },
      filter: 'createdDateTime ge 2026-11-21T10:00:00Z',
      clientFilters: ['failures only'],
      range: { from: '2026-11-21T10:00:00.000Z', to: '2026-11-22T10:00:00.000Z' },
      fetchedAt: '2026-11-22T10:00:00.000Z',
      tool: 'Identity Log Explorer 1.2.3',
    });
    const none = queryHeader({ tenant: { ...TENANT, cloud: 'global', gcc: true }, category: SIGN_INS, filter: undefined, fetchedAtMs: NOW, extensionVersion: '1' });
    assert.strictEqual(none.filter, null);
    assert.strictEqual(none.tenant.cloud, 'global (GCC)');
    assert.ok(!('clientFilters' in none) && !('range' in none));
  });

  it('a record saved from a detail panel names itself by id, quotes escaped', () => {
    const h = recordHeader(TENANT, signInCategoryOf({ signInEventTypes: ['servicePrincipal'] }), "a'b", NOW, '1');
    assert.strictEqual(h.category.id, 'signIns.servicePrincipal');
    assert.strictEqual(h.filter, "id eq 'a''b'");
    assert.strictEqual(signInCategoryOf({}).id, 'signIns.interactive');
    assert.strictEqual(signInCategoryOf({ signInEventTypes: ['nonInteractiveUser'] }).id, 'signIns.nonInteractive');
  });

  it('file names are safe whatever the tenant is called', () => {
    assert.strictEqual(slug('Contoso Ltd. (Prod) ✓'), 'contoso-ltd-prod');
    assert.strictEqual(slug('../../etc/passwd'), 'etc-passwd');
    assert.strictEqual(slug('Ünïcödé'), 'unicode');
    assert.strictEqual(slug('✓✓✓'), 'export');
    assert.strictEqual(suggestedBaseName(TENANT.displayName, SIGN_INS.label, { fromMs: NOW - 7 * DAY, toMs: NOW }), 'contoso-ltd-prod-interactive-sign-ins-2026-11-15-to-2026-11-22');
    assert.strictEqual(suggestedBaseName('A', 'B', { fromMs: NOW - 3_600_000, toMs: NOW }), 'a-b-2026-11-22');
    assert.strictEqual(suggestedBaseName('A', 'B'), 'a-b');
  });

  it('CSV columns: the grid\'s first, then filterable fields, then nested paths seen in the data, each once', () => {
    const choices = csvColumnChoices(SIGN_INS, [{ id: '1', status: { errorCode: 0, additionalDetails: 'x' }, deviceDetail: { browser: 'Edge', operatingSystem: 'Windows' }, '@odata.etag': 'e' }]);
    const paths = choices.map((c) => c.path);
    assert.strictEqual(new Set(paths).size, paths.length, 'no duplicates');
    assert.deepStrictEqual(paths.slice(0, SIGN_INS.columns.length), SIGN_INS.columns.map((c) => c.path));
    for (const p of ['status/additionalDetails', 'deviceDetail/browser', 'deviceDetail/operatingSystem']) assert.ok(paths.includes(p), p);
    assert.ok(!paths.some((p) => p.startsWith('@odata')));
  });
});

describe('core/export: progress in words', () => {
  it('says rows, days, how far back, throttle waits and time left', () => {
    const text = exportProgressText({ rows: 123456, windowsDone: 2, windowsTotal: 8, reachedMs: Date.parse('2026-11-20T07:30:00Z'), throttled: 3, retries: 1, etaMs: 150_000 });
    assert.strictEqual(text, '123,456 rows · 2 of 8 days done · back to 2026-11-20 07:30 UTC · throttled 3× (waiting as the service asks) · 1 retries · about 3 min left');
    assert.strictEqual(exportProgressText({ rows: 0, windowsDone: 0, windowsTotal: 1, throttled: 0, retries: 0 }), '0 rows');
    assert.deepStrictEqual([durationText(400), durationText(59_000), durationText(3_600_000), durationText(7_380_000)], ['1 s', '59 s', '60 min', '2 h 3 min']);
  });
});

describe('results panel: saving exactly what the grid shows', () => {
  it('describes the active row filters for the saved header', () => {
    assert.deepStrictEqual(describeFilters({ text: ' bob ', failuresOnly: true, caPolicy: 'Require MFA', caResult: 'failure', reportOnly: false }), ['failures only', 'conditional access policy "Require MFA" with result failure', 'text contains "bob"']);
    assert.deepStrictEqual(describeFilters({ text: '', failuresOnly: false, caPolicy: '', caResult: '', reportOnly: false }), []);
  });

  it('checks the view the webview reports at the trust boundary', () => {
    const filters = { text: '', failuresOnly: true, caPolicy: '', caResult: '', reportOnly: false };
    assert.ok(validResultsParams('viewChanged', { sort: { column: 'user', descending: true }, clientFilters: ['failures only'], filters }));
    assert.ok(validResultsParams('viewChanged', { sort: null, clientFilters: [], filters }));
    for (const bad of [{}, { sort: 'user', clientFilters: [], filters }, { sort: { column: 1, descending: true }, clientFilters: [], filters }, { sort: { column: 'x'.repeat(600), descending: false }, clientFilters: [], filters }, { sort: { column: 'user', descending: 'yes' }, clientFilters: [], filters }, { sort: null, clientFilters: 'x', filters }, { sort: null, clientFilters: Array(41).fill('x'), filters }]) {
      assert.ok(!validResultsParams('viewChanged', bad), JSON.stringify(bad).slice(0, 80));
    }
    assert.ok(validResultsParams('resultsJson', { action: 'save' }));
    assert.ok(!validResultsParams('resultsJson', { action: 'delete' }));
  });
});
