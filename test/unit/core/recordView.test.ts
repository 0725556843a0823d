import { CA_POLICY_RESULT, CA_STATUS, DETECTION_TIMING, OPERATION_RESULT, PROVISIONING_ACTION, PROVISIONING_RESULT, RISK_DETAIL, RISK_LEVEL, RISK_STATE } from '../../../src/core/catalog/enums';
import { enumLabel, labelledValues } from '../../../src/core/catalog/labels';
import { categoryById } from '../../../src/core/catalog/categories';
import { type GraphCategory } from '../../../src/core/catalog/types';
import { toDisplayRow } from '../../../src/core/query/rows';
import { NO_ROW_FILTERS, rowMatches } from '../../../src/core/query/rowFilters';
import { RISK_EVENT_TYPES } from '../../../src/emulator/data/tables';
import * as assert from 'assert';
import { change, directoryAuditView, o365RecordView, provisioningView, riskDetectionView, riskyUserView } from '../../../src/core/detail/recordView';

describe('record detail views', () => {
  it('shows each modified property as old → new, with a diff for JSON values', () => {
    assert.deepStrictEqual(change('AccountEnabled', '[true]', '[false]'), { name: 'AccountEnabled', oldValue: '[true]', newValue: '[false]', removed: ['true'], added: ['false'] });
    assert.deepStrictEqual(change('Roles', '["Reader","Writer"]', '["Reader","Owner"]').added, ['Owner']);
    assert.deepStrictEqual(change('Obj', '{"a":1,"b":2}', '{"a":1,"b":3}'), { name: 'Obj', oldValue: '{"a":1,"b":2}', newValue: '{"a":1,"b":3}', removed: ['b: 2'], added: ['b: 3'] });
    assert.deepStrictEqual(change('Plain', 'x', 'y'), { name: 'Plain', oldValue: 'x', newValue: 'y', removed: [], added: [] });
    assert.deepStrictEqual(change('Broken', '[not json', null), { name: 'Broken', oldValue: '[not json', newValue: '', removed: [], added: [] }, 'unparseable JSON stays plain text');
  });

  it('a directory audit: initiator, targets and their modified properties', () => {
    const v = directoryAuditView({
      id: 'Directory_1',
      activityDisplayName: 'Update user',
      activityDateTime: '2026-11-22T10:00:00Z',
      category: 'UserManagement',
      result: 'success',
      loggedByService: 'Core Directory',
      initiatedBy: { user: { userPrincipalName: 'admin@contoso.com', id: 'u1' }, app: null },
      targetResources: [{ id: 't1', displayName: '<b>Bob</b>', type: 'User', modifiedProperties: [{ displayName: 'DisplayName', oldValue: '["Bob"]', newValue: '["<b>Bob</b>"]' }] }],
      additionalDetails: [{ key: 'User-Agent', value: 'x' }],
    });
    assert.strictEqual(v.badge?.tone, 'success');
    const changes = v.sections.find((s) => s.kind === 'changes');
    assert.ok(changes && changes.kind === 'changes');
    assert.strictEqual(changes.heading, 'Modified properties of <b>Bob</b>');
    assert.deepStrictEqual(changes.changes[0].added, ['<b>Bob</b>']);
  });

  it('a risky user with history, and hidden risk explained', () => {
    const v = riskyUserView({ id: 'u', userPrincipalName: 'a@b.c', riskLevel: 'hidden', riskState: 'atRisk' }, [{ riskLastUpdatedDateTime: '2026-11-22T10:00:00Z', riskState: 'dismissed', riskLevel: 'none', initiatedBy: 'admin', activity: { riskEventTypes: ['unlikelyTravel'] } }]);
    const table = v.sections.find((s) => s.kind === 'table');
    assert.ok(table && table.kind === 'table');
    // Enum values in words, from the one label table.
    assert.deepStrictEqual(table.rows[0], ['2026-11-22 10:00:00Z', 'Dismissed', 'None', '', 'admin', 'Atypical travel']);
    assert.match(JSON.stringify(v.sections[0]), /Hidden \(needs Microsoft Entra ID P2\)/);
    assert.strictEqual(riskyUserView({ id: 'u' }).sections[1].kind, 'note');
  });

  it('a provisioning event: steps with their status, and the error when it failed', () => {
    const v = provisioningView({ id: 'p', provisioningAction: 'update', provisioningStatusInfo: { status: 'failure', errorInformation: { errorCode: 'Dup', reason: 'A user with this name exists.' } }, provisioningSteps: [{ name: 'EntryImport', status: 'success' }, { name: 'EntryExportUpdate', status: 'failure' }] });
    assert.strictEqual(v.sections[0].heading, 'Error');
    const steps = v.sections.find((s) => s.heading === 'Steps');
    assert.ok(steps && steps.kind === 'table');
    assert.deepStrictEqual(steps.tones, ['success', 'failure']);
  });

  it('a risk detection names its sign-in', () => {
    const v = riskDetectionView({ id: 'd', riskEventType: 'unlikelyTravel', userPrincipalName: 'a@b.c', riskLevel: 'high', requestId: 'r1' });
    assert.strictEqual(v.badge?.tone, 'failure');
    assert.match(JSON.stringify(v.sections), /"Sign-in \(request\) id","value":"r1","copy":true/);
  });

  it('an Office 365 record: common fields, the record type by name, the rest as a generic table', () => {
    const v = o365RecordView({ Id: 'x', RecordType: 15, CreationTime: '2026-11-22T10:00:00', Operation: 'UserLoginFailed', UserId: 'a@b.c', Workload: 'AzureActiveDirectory', ClientIP: '1.2.3.4', ResultStatus: 'Failed', ErrorCode: '50126', ExtendedProperties: [{ Name: 'UserAgent', Value: '<script>x</script>' }], ApplicationId: 'app' });
    assert.strictEqual(v.badge?.tone, 'failure');
    assert.match(v.subtitle, /AzureActiveDirectoryStsLogon \(15\)/);
    assert.match(JSON.stringify(v.sections[0]), /AADSTS50126/);
    const other = v.sections.find((s) => s.heading === 'Other properties');
    assert.ok(other && other.kind === 'table');
    assert.deepStrictEqual(other.rows, [['ExtendedProperties', 'UserAgent: <script>x</script>'], ['ApplicationId', 'app']]);
  });
});

describe('enum labels: one table for every value a person sees', () => {
  it('covers every value of the CSDL enums shown in the grid and panels, and the risk event types the fake tenant sends', () => {
    const shown = [...RISK_LEVEL, ...RISK_STATE, ...RISK_DETAIL, ...CA_STATUS, ...CA_POLICY_RESULT, ...OPERATION_RESULT, ...PROVISIONING_ACTION, ...PROVISIONING_RESULT, ...DETECTION_TIMING, ...RISK_EVENT_TYPES];
    const known = new Set(labelledValues());
    for (const v of shown) assert.ok(known.has(v), `${v} has a label`);
    assert.strictEqual(enumLabel('reportOnlyFailure'), 'Report-only: failure');
    assert.strictEqual(enumLabel('nearRealtime'), 'Near real time');
    assert.strictEqual(enumLabel('somethingNew'), 'somethingNew', 'an unknown value is shown as it is');
  });

  it('the grid shows the label and keeps the raw value for tooltips and Copy; text search finds either', () => {
    const row = toDisplayRow(categoryById('riskDetections') as GraphCategory, { id: 'r', riskEventType: 'newCountry', riskState: 'atRisk', riskLevel: 'medium', detectionTimingType: 'nearRealtime' });
    assert.strictEqual(row.cells.riskEventType, 'New country');
    assert.strictEqual(row.cells.detectionTimingType, 'Near real time');
    assert.deepStrictEqual(row.raw, { riskEventType: 'newCountry', riskState: 'atRisk', riskLevel: 'medium', detectionTimingType: 'nearRealtime' });
    for (const text of ['newcountry', 'New country', 'at risk', 'atRisk']) assert.ok(rowMatches(row, { ...NO_ROW_FILTERS, text }), text);
  });
});
