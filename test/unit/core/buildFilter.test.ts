/**
 * The filter builder's promises at their edges: the time range against Graph's retention (an
 * explicit range that starts too early is refused with the first day Graph keeps; "last N days"
 * is clamped to it), an expert's own filter joined to the time range, and every value kind
 * refusing what its property cannot take, with words that say what it takes.
 */
import * as assert from 'assert';
import { categoryById } from '../../../src/core/catalog/categories';
import { type ValueKind } from '../../../src/core/catalog/types';
import { buildFilter, checkValue, findTarget } from '../../../src/core/odata/build';
import { type FilterModel } from '../../../src/core/odata/model';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-02T12:00:00Z');
const signIns = categoryById('signIns.interactive')!;
const risk = categoryById('riskDetections')!;
const model = (m: Partial<FilterModel>): FilterModel => ({ time: { kind: 'all' }, clauses: [], client: [], ...m });
const between = (fromMs: number, toMs: number): FilterModel['time'] => ({ kind: 'between', from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() });

describe('core/odata: the time range against what Graph keeps', () => {
  const oldest = NOW - 30 * DAY + 60_000;

  it('an explicit range starting on the first instant Graph keeps is sent; a millisecond earlier is refused with the first day to use', () => {
    const ok = buildFilter(signIns, model({ time: between(oldest, NOW - DAY) }), { nowMs: NOW });
    assert.deepStrictEqual(ok.problems, []);
    assert.strictEqual(ok.filter, `createdDateTime ge ${new Date(oldest).toISOString().replace('.000Z', 'Z')} and createdDateTime le ${new Date(NOW - DAY).toISOString().replace('.000Z', 'Z')}`);
    const early = buildFilter(signIns, model({ time: between(oldest - 1, NOW - DAY) }), { nowMs: NOW });
    assert.deepStrictEqual(early.problems, [{ message: 'Graph keeps these logs for 30 days; the range starts before that and Graph would refuse it. Start the range on or after 2026-11-02.' }]);
    const free = buildFilter(signIns, model({ time: between(NOW - 8 * DAY, NOW - DAY) }), { nowMs: NOW, retentionDays: 7 });
    assert.match(free.problems[0].message, /^Graph keeps these logs for 7 days;/);
  });

  it('"last 90 days" is all Graph keeps: clamped, without an upper bound, not refused; risk reports keep far longer', () => {
    const last = buildFilter(signIns, model({ time: { kind: 'last', hours: 90 * 24 } }), { nowMs: NOW });
    assert.deepStrictEqual([last.filter, last.problems], [`createdDateTime ge ${new Date(oldest).toISOString().replace('.000Z', 'Z')}`, []]);
    const riskLast = buildFilter(risk, model({ time: { kind: 'last', hours: 90 * 24 } }), { nowMs: NOW });
    assert.strictEqual(riskLast.filter, `activityDateTime ge ${new Date(NOW - 90 * DAY).toISOString().replace('.000Z', 'Z')}`);
  });

  it('a range must start before it ends: equal ends are refused, a millisecond apart is a range', () => {
    assert.deepStrictEqual(buildFilter(signIns, model({ time: between(NOW - DAY, NOW - DAY) }), { nowMs: NOW }).problems, [{ message: 'The time range must start before it ends.' }]);
    assert.deepStrictEqual(buildFilter(signIns, model({ time: between(NOW - DAY, NOW - DAY + 1) }), { nowMs: NOW }).problems, []);
  });
});

describe('core/odata: an expert filter with the builder', () => {
  it('joined to the time range in parentheses; alone, as typed (trimmed); blank, the clauses apply instead', () => {
    const raw = "userPrincipalName eq 'a' or userPrincipalName eq 'b'";
    const withTime = buildFilter(signIns, model({ time: { kind: 'last', hours: 24 }, raw: ` ${raw} ` }), { nowMs: NOW });
    assert.strictEqual(withTime.filter, `createdDateTime ge ${new Date(NOW - DAY).toISOString().replace('.000Z', 'Z')} and (${raw})`);
    assert.strictEqual(buildFilter(signIns, model({ raw: ` ${raw} ` }), { nowMs: NOW }).filter, raw);
    const blank = buildFilter(signIns, model({ raw: '   ', clauses: [{ field: 'userPrincipalName', op: 'eq', values: ['a@b.c'] }] }), { nowMs: NOW });
    assert.strictEqual(blank.filter, "userPrincipalName eq 'a@b.c'");
    assert.deepStrictEqual(buildFilter(signIns, model({}), { nowMs: NOW }), { filter: undefined, problems: [] });
  });

  it('a clause on an operator its property lacks, or with no value, is refused by name', () => {
    const built = buildFilter(signIns, model({ clauses: [{ field: 'status/errorCode', op: 'ge', values: [1] }, { field: 'userId', op: 'eq', values: [] }, { field: 'nope', op: 'eq', values: ['x'] }] }), { nowMs: NOW });
    assert.deepStrictEqual(built.problems, [
      { clause: 0, message: 'Error code cannot be filtered with "from": Graph allows only "equals" on it.' },
      { clause: 1, message: `${findTarget(signIns, 'userId')!.spec.label} needs a value.` },
      { clause: 2, message: 'nope cannot be filtered on Interactive sign-ins.' },
    ]);
    assert.strictEqual(built.filter, undefined);
  });

  it('a collection item is found by the collection and the item property, not by a look-alike prefix', () => {
    const audits = categoryById('directoryAudits')!;
    assert.deepStrictEqual(findTarget(audits, 'targetResources/id')?.lambda, { collection: 'targetResources', sub: 'id' });
    assert.strictEqual(findTarget(audits, 'targetResourcesX/id'), undefined);
    assert.strictEqual(findTarget(audits, 'targetResources/nope'), undefined);
  });
});

describe('core/odata: each value kind takes what its property takes', () => {
  const kinds: Record<string, ValueKind> = { int: { type: 'int' }, bool: { type: 'bool' }, datetime: { type: 'datetime' }, enum: { type: 'enum', values: ['a', 'b', 'unknownFutureValue'] }, guid: { type: 'guid' }, upn: { type: 'upn' }, ip: { type: 'ip' }, country: { type: 'country' }, string: { type: 'string' } };
  const refusal: Record<string, string> = {
    int: 'X takes a whole number.',
    bool: 'X takes true or false.',
    datetime: 'X takes a date and time.',
    enum: 'X must be one of: a, b.',
    guid: 'X is a GUID (00000000-0000-0000-0000-000000000000).',
    upn: 'X is a user principal name such as alice@contoso.com (use "starts with" for part of it).',
    ip: 'X is an IP address (use "starts with" for a prefix such as 185.220.).',
    country: 'X is a two-letter country or region code such as US.',
    string: 'X needs a value.',
  };
  const cases: [string, 'eq' | 'startswith', unknown, boolean][] = [
    ['int', 'eq', 50126, true], ['int', 'eq', 1.5, false], ['int', 'eq', '5', false],
    ['bool', 'eq', false, true], ['bool', 'eq', 'true', false],
    ['datetime', 'eq', '2026-12-01T00:00:00Z', true], ['datetime', 'eq', 'soon', false], ['datetime', 'eq', 5, false],
    ['enum', 'eq', 'a', true], ['enum', 'eq', 'c', false], ['enum', 'eq', 1, false],
    ['guid', 'eq', '0b7c1f5e-1111-4222-8333-444455556666', true], ['guid', 'eq', '0b7c', false], ['guid', 'startswith', '0b7c', true], ['guid', 'eq', 7, false],
    ['upn', 'eq', 'a@b.c', true], ['upn', 'eq', 'alice', false], ['upn', 'startswith', 'alice', true], ['upn', 'startswith', '', false], ['upn', 'eq', 5, false],
    ['ip', 'eq', '203.0.113.9', true], ['ip', 'eq', '203.0.113', false], ['ip', 'startswith', '203.0.', true], ['ip', 'startswith', '', false], ['ip', 'startswith', 5, false],
    ['country', 'eq', 'US', true], ['country', 'eq', 'USA', false], ['country', 'startswith', 'U', true], ['country', 'eq', 1, false],
    ['string', 'eq', 'x', true], ['string', 'eq', '', false], ['string', 'eq', 3, false],
  ];
  for (const [kind, op, value, ok] of cases) {
    it(`${kind} ${op} ${JSON.stringify(value)}: ${ok ? 'taken' : 'refused'}`, () => {
      assert.strictEqual(checkValue(kinds[kind], op, value as never, 'X'), ok ? undefined : refusal[kind]);
    });
  }
});
