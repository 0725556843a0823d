import * as assert from 'assert';
import { resultsTitle, shortTitle } from '../../../src/core/detail/titles';
import { customRange, instantProblem } from '../../../src/core/odata/customRange';
import { progressMessage } from '../../../src/core/query/progressMessage';
import { NotSignedInError } from '../../../src/core/auth/credentials';
import { o365RecordView } from '../../../src/core/detail/recordView';

describe('tab titles', () => {
  it('tell two queries of the same report apart by range and filter', () => {
    const a = resultsTitle('Interactive sign-ins', 'Last 24 hours · failures only', 'Contoso (Demo)');
    const b = resultsTitle('Interactive sign-ins', 'Last 7 days', 'Contoso (Demo)');
    assert.strictEqual(a, 'Interactive sign-ins · Last 24 hours · failures only · Contoso (Demo)');
    assert.notStrictEqual(a, b);
    // A long filter is shortened between words; the tenant stays at the end.
    assert.strictEqual(resultsTitle('Risk detections', 'All available · Risk event type = anonymizedIPAddress · User (UPN) starts with alexander.the.great@contoso.onmicrosoft.com', 'Contoso'), 'Risk detections · All available · Risk event type = anonymizedIPAddress… · Contoso');
  });

  it('are shortened between words, never inside an address', () => {
    const title = o365RecordView({ Id: 'x', Operation: 'Set-ConditionalAccessPolicyAssignmentsForEveryoneInTheTenant', UserId: 'alexandra.konstantinopoulou@contoso.onmicrosoft.com', CreationTime: '2026-11-30T10:00:00' }).title;
    const short = shortTitle(title, 80);
    assert.ok(short.length <= 80, short);
    assert.ok(!/@contoso\.onmi…$/.test(short) && (short.includes('alexandra.konstantinopoulou@contoso.onmicrosoft.com') || !short.includes('@')), `no half address: ${short}`);
    assert.strictEqual(shortTitle('short title', 80), 'short title');
  });
});

describe('custom time ranges (query builder and Export, one parser)', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it('takes dates as whole UTC days and times as UTC, and caps the end at now', () => {
    assert.deepStrictEqual(customRange('2026-11-15', '2026-11-20', now), { range: { kind: 'between', from: '2026-11-15T00:00:00.000Z', to: '2026-11-20T23:59:59.999Z' } });
    assert.deepStrictEqual(customRange('2026-11-30T08:30', '2026-12-05', now), { range: { kind: 'between', from: '2026-11-30T08:30:00.000Z', to: '2026-12-01T12:00:00.000Z' } });
    assert.deepStrictEqual(customRange('2026-11-30 08:30:00+01:00', '2026-11-30T09:00:00Z', now), { range: { kind: 'between', from: '2026-11-30T07:30:00.000Z', to: '2026-11-30T09:00:00.000Z' } });
  });

  it('refuses what is not a date or time, and a range that ends before it starts', () => {
    for (const bad of ['yesterday', '15/11/2026', '2026-11', '']) assert.ok(instantProblem(bad), bad);
    assert.match(String((customRange('2026-11-20', '2026-11-15', now) as { problem?: string }).problem), /ends .* before it starts/);
  });
});

describe('the results panel\'s notice line', () => {
  const p = { loaded: 0, pages: 0, throttled: 0, retries: 0, splits: 0, state: 'paused' as const, more: true };
  it('says a restored tab is waiting, and what could not be read', () => {
    assert.match(progressMessage(p, { restored: true, caHidden: false, unreadable: 0 }) ?? '', /restored after a window reload/);
    assert.strictEqual(progressMessage({ ...p, pages: 1, loaded: 10 }, { restored: true, caHidden: false, unreadable: 0 }), undefined, 'gone once it loaded');
    assert.match(progressMessage({ ...p, pages: 1 }, { restored: false, caHidden: false, unreadable: 2 }) ?? '', /^2 records could not be read and are shown as "Unreadable record"/);
    assert.match(progressMessage({ ...p, state: 'failed', error: new NotSignedInError('x') }, { restored: false, caHidden: false, unreadable: 0 }) ?? '', /Not signed in/);
  });
});
