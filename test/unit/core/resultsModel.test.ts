import * as assert from 'assert';
import { categoryById } from '../../../src/core/catalog/categories';
import { type GraphCategory } from '../../../src/core/catalog/types';
import { signInOutcome, toDisplayRow } from '../../../src/core/query/rows';
import { type RowData, RESULTS_REQUESTS } from '../../../src/webview/results/protocol';

const validResultsParams = (method: keyof typeof RESULTS_REQUESTS, params: unknown) => RESULTS_REQUESTS[method](params) !== undefined;
import { filterRows, sortRows } from '../../../webview-ui/results/model';

const row = (id: string, cells: Record<string, string>, failed = false, ca?: [string, string][]): RowData => ({ id, cells, failed, ca });
const none = { text: '', failuresOnly: false, caPolicy: '', caResult: '', reportOnly: false };

describe('results grid: client-side filters and sorting', () => {
  const rows = [
    row('a', { user: 'alice@contoso.com', status: 'Success' }, false, [['Require MFA', 'success'], ['Block risky (report-only)', 'reportOnlyFailure']]),
    row('b', { user: 'bob@contoso.com', status: 'Failure 53003' }, true, [['Require MFA', 'failure']]),
    row('c', { user: 'carol@contoso.com', status: 'Interrupted 50074' }, true, [['Require MFA', 'notApplied']]),
    row('d', { user: '<img src=x>', status: 'Failure 50126' }, true),
  ];

  it('failures only', () => assert.deepStrictEqual(filterRows(rows, { ...none, failuresOnly: true }).map((r) => r.id), ['b', 'c', 'd']));
  it('one CA policy with one result (Graph cannot filter on applied policies)', () => assert.deepStrictEqual(filterRows(rows, { ...none, caPolicy: 'Require MFA', caResult: 'failure' }).map((r) => r.id), ['b']));
  it('any policy with a result', () => assert.deepStrictEqual(filterRows(rows, { ...none, caResult: 'reportOnlyFailure' }).map((r) => r.id), ['a']));
  it('report-only results', () => assert.deepStrictEqual(filterRows(rows, { ...none, reportOnly: true }).map((r) => r.id), ['a']));
  it('free text over the cells, case-insensitively', () => assert.deepStrictEqual(filterRows(rows, { ...none, text: 'BOB' }).map((r) => r.id), ['b']));
  it('rows without CA data never match a CA filter', () => assert.ok(!filterRows(rows, { ...none, caResult: 'failure' }).some((r) => r.id === 'd')));

  it('sorts text and status columns, both ways', () => {
    const cols = [{ id: 'user', label: 'User', width: 1 }, { id: 'status', label: 'Status', width: 1, kind: 'status' as const }];
    assert.deepStrictEqual(sortRows([...rows], { column: 'user', descending: false }, cols).map((r) => r.id), ['d', 'a', 'b', 'c']);
    assert.deepStrictEqual(sortRows([...rows], { column: 'status', descending: true }, cols).map((r) => r.id), ['b', 'd', 'c', 'a']);
  });
});

describe('results grid: display rows', () => {
  const SI = categoryById('signIns.interactive') as GraphCategory;
  it('formats times, outcomes and conditional access, and keeps hostile text as text', () => {
    const r = toDisplayRow(SI, {
      id: 'x',
      createdDateTime: '2026-11-22T10:42:14.455Z',
      status: { errorCode: 50074 },
      userPrincipalName: '"><script>alert(1)</script>',
      location: { countryOrRegion: 'US' },
      appliedConditionalAccessPolicies: [{ displayName: 'Require MFA', result: 'success' }],
    });
    assert.strictEqual(r.cells.createdDateTime, '2026-11-22 10:42:14Z');
    assert.strictEqual(r.cells.status, 'Interrupted 50074');
    assert.strictEqual(r.cells.userPrincipalName, '"><script>alert(1)</script>');
    assert.strictEqual(r.cells.location, 'US');
    assert.deepStrictEqual(r.ca, [['Require MFA', 'success']]);
    assert.strictEqual(r.failed, true);
  });

  it('tells success, interruption and failure apart', () => {
    assert.deepStrictEqual([0, 50074, 50140, 50126, 53003, undefined].map(signInOutcome), ['success', 'interrupted', 'interrupted', 'failure', 'failure', 'unknown']);
  });

  it('leaves CA data out when Graph left it out', () => {
    assert.strictEqual(toDisplayRow(SI, { id: 'y', status: { errorCode: 0 } }).ca, undefined);
  });
});

describe('results protocol: the grid\'s filters cross the webview boundary only when well formed', () => {
  it('accepts a view with its filters, and refuses one without them or with wrong types', () => {
    const filters = { text: '', failuresOnly: true, caPolicy: '', caResult: '', reportOnly: false };
    assert.strictEqual(validResultsParams('viewChanged', { sort: null, clientFilters: ['failures only'], filters }), true);
    assert.strictEqual(validResultsParams('viewChanged', { sort: null, clientFilters: [] }), false);
    assert.strictEqual(validResultsParams('viewChanged', { sort: null, clientFilters: [], filters: { ...filters, failuresOnly: 'yes' } }), false);
    assert.strictEqual(validResultsParams('viewChanged', { sort: null, clientFilters: [], filters: { ...filters, text: 'x'.repeat(5000) } }), false);
  });
});
