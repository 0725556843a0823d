import * as assert from 'assert';
import { resultsTitle, shortTitle } from '../../../src/core/detail/titles';
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
