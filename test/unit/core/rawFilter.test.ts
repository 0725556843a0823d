/**
 * An expert's own $filter is checked before anything is sent: each mistake a person makes is said
 * in words that fix it, pointing at the token that is wrong; what Graph takes passes untouched;
 * and no text at all, however hostile, makes the checker itself fail.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { categoryById } from '../../../src/core/catalog/categories';
import { customRange, instantProblem, parseInstant } from '../../../src/core/odata/customRange';
import { datetimeLiteral, isIp } from '../../../src/core/odata/literals';
import { validateRawFilter } from '../../../src/core/odata/raw';

const check = (filter: string, category = 'signIns.interactive') => validateRawFilter(categoryById(category as 'signIns.interactive')!, filter);
const GUID = '0b7c1f5e-1111-4222-8333-444455556666';

describe('core/odata: an expert filter, checked before it is sent', () => {
  it('what Graph takes passes: comparisons, functions, and/or, dates unquoted, any() on the collections that allow it', () => {
    for (const [filter, category] of [
      ["userPrincipalName eq 'a' and status/errorCode eq 0 or riskState eq 'atRisk'", 'signIns.interactive'],
      ["startswith(userPrincipalName, 'o''brien')", 'signIns.interactive'],
      [`userId eq '${GUID}' and status/errorCode eq -5`, 'signIns.interactive'],
      ['createdDateTime ge 2026-01-01T00:00:00Z and createdDateTime le 2026-01-02', 'signIns.interactive'],
      ["(riskEventTypes_v2/any(t: t eq 'unfamiliarFeatures'))", 'signIns.interactive'],
      ["signInEventTypes/any(t: t eq 'nonInteractiveUser')", 'signIns.nonInteractive'],
      ["targetResources/any(t: t/id eq 'x')", 'directoryAudits'],
    ]) assert.deepStrictEqual(check(filter, category), [], filter);
  });

  it('each mistake is said in words that fix it, at the token that is wrong', () => {
    const cases: [string, string, number, string?][] = [
      ["userPrincipalName ne 'a'", 'userPrincipalName does not support ne; Graph allows eq, startswith.', 18],
      ['status/errorCode eq 50126.5', 'status/errorCode takes a whole number, without quotes.', 20],
      ["status/errorCode eq '50126'", 'status/errorCode takes a whole number, without quotes.', 20],
      ["createdDateTime ge '2026-01-01T00:00:00Z'", 'Dates are not quoted: write createdDateTime ge 2026-01-01T00:00:00Z without the quotes.', 19],
      ['createdDateTime ge 5', 'createdDateTime takes a date such as 2024-01-01T00:00:00Z.', 19],
      ["conditionalAccessStatus eq 'nope'", "'nope' is not a value of conditionalAccessStatus; use one of success, failure, notApplied.", 27],
      ["conditionalAccessStatus eq 'o''brien'''", "'o'brien'' is not a value of conditionalAccessStatus; use one of success, failure, notApplied.", 27],
      [`userId eq ${GUID}`, `GUIDs are strings here: write '${GUID}' in single quotes.`, 10],
      ["nothere eq 'x'", 'nothere is not a property Graph filters on for Interactive sign-ins.', 0],
      ['userPrincipalName eq', 'A value is missing at the end.', 20],
      ['userPrincipalName eq null', 'userPrincipalName takes a string in single quotes.', 21],
      ['userPrincipalName', 'Expected an operator (eq, ge, le…) after userPrincipalName.', 17],
      ["(userPrincipalName eq 'a'", 'Expected ")" here.', 25],
      ["userPrincipalName eq 'a')", 'Unexpected ")": join conditions with "and" or "or".', 24],
      ["userPrincipalName eq 'a' xor 1", 'Unexpected "xor": join conditions with "and" or "or".', 25],
      ["startswith(userPrincipalName 'a')", 'Expected "," here.', 29],
      ["contains(userPrincipalName, 'x')", 'userPrincipalName does not support contains; Graph allows eq, startswith.', 9],
      ["not userPrincipalName eq 'a'", 'Graph does not support "not" on these reports.', 0],
      ["'a' eq userPrincipalName", 'Expected a property name, not "a".', 0],
      ['startswith(', 'The filter ends too early.', 11],
      ["a eq 'o'brien'", "A quote inside a string must be doubled: write 'o''brien'.", 7],
      ["a eq 'x", "This quote is never closed. Inside a string, write a quote twice (o''brien).", 5],
      ['a eq #', '"#" is not allowed here.', 5],
      ["riskEventTypes_v2/any(5: t eq 'x')", "Expected a variable name, as in any(t: t eq 'x').", 22],
      ["userPrincipalName/any(p: p eq 'x')", 'userPrincipalName cannot be filtered with any() here.', 0],
      ["signInEventTypes/any(t: t eq 'interactiveUser')", 'signInEventTypes cannot be filtered with any() here.', 0],
      ["signInEventTypes/any(t: t eq 'robot')", "'robot' is not a value of signInEventTypes item; use one of interactiveUser, nonInteractiveUser, servicePrincipal, managedIdentity.", 29, 'signIns.nonInteractive'],
      ["riskEventTypes_v2/any(t: q eq 'x')", 'Inside any(), refer to the item as t.', 25],
      ["riskEventTypes_v2/any(t: t/x eq 'y')", 'riskEventTypes_v2 item x is not a property Graph filters on for Interactive sign-ins.', 25],
      ["targetResources/any(t: t eq 'x')", "Each targetResources item is an object: compare one of its properties, as in t/id eq '…'.", 23, 'directoryAudits'],
      ["targetResources/any(t: t/type eq 'User')", 'targetResources item type is not a property Graph filters on for Directory audits.', 23, 'directoryAudits'],
    ];
    for (const [filter, message, position, category] of cases) assert.deepStrictEqual(check(filter, category), [{ message, position }], filter);
  });

  it('all() is refused with any() named instead, besides what else is wrong', () => {
    assert.deepStrictEqual(check("riskEventTypes_v2/all(t: t eq 'x')"), [{ message: 'Graph supports any(), not all(), on these collections.', position: 18 }]);
  });

  it('no text makes the checker fail, and every problem points inside the text', () => {
    const pieces = fc.constantFrom("'", "''", '(', ')', ',', ':', '/', ' ', 'eq', 'and', 'or', 'not', 'any', 'all', 't', 'userPrincipalName', 'status/errorCode', 'startswith', 'riskEventTypes_v2', '2026-01-01T00:00:00Z', '-5', '1.5', GUID, 'null', 'true', '#', 'é');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 24 }).map((p) => p.join(''))), (filter) => {
        for (const problem of check(filter)) assert.ok(problem.position !== undefined && problem.position >= 0 && problem.position <= filter.length && problem.message.length > 0, JSON.stringify(problem));
      }),
      { numRuns: Number(process.env.IDLOG_PROPERTY_RUNS ?? 300) },
    );
  });
});

describe('core/odata: literals and typed times', () => {
  it('datetimes unquoted, milliseconds only when there are some', () => {
    assert.strictEqual(datetimeLiteral(0), '1970-01-01T00:00:00Z');
    assert.strictEqual(datetimeLiteral(1), '1970-01-01T00:00:00.001Z');
  });

  it('IP addresses: IPv4 in range, IPv6 of at most eight groups, nothing around them', () => {
    for (const ip of ['203.0.113.9', '::1', '2001:db8::1', '1:2:3:4:5:6:7:8', 'FE80::1']) assert.strictEqual(isIp(ip), true, ip);
    for (const ip of ['1.2.3.256', 'abc', 'g::1', ' ::1', '::1 ', '1:2:3:4:5:6:7:8:9', '203.0.113', '']) assert.strictEqual(isIp(ip), false, ip);
  });

  it('a typed time: a date is a whole UTC day, a time without a zone is UTC, with one it is honoured', () => {
    assert.strictEqual(parseInstant(' 2026-11-15 ', false), Date.parse('2026-11-15T00:00:00.000Z'));
    assert.strictEqual(parseInstant('2026-11-15', true), Date.parse('2026-11-15T23:59:59.999Z'));
    assert.strictEqual(parseInstant('2026-11-15 08:00', false), Date.parse('2026-11-15T08:00:00Z'));
    assert.strictEqual(parseInstant('2026-11-15T08:00:00+02:00', false), Date.parse('2026-11-15T06:00:00Z'));
    assert.strictEqual(parseInstant('2026-11-15T08:00:00+0200', false), Date.parse('2026-11-15T06:00:00Z'));
    assert.strictEqual(parseInstant('2026-11-15T08:00:00z', false), Date.parse('2026-11-15T08:00:00Z'));
    for (const bad of ['2026-11-15T08', 'x2026-11-15', '2026-11-15x', 'soon', '']) assert.ok(Number.isNaN(parseInstant(bad, false)), bad);
    assert.strictEqual(instantProblem('2026-11-15'), undefined);
    assert.strictEqual(instantProblem('soon'), 'A date (2026-11-15) or a UTC time (2026-11-15T08:00:00Z).');
  });

  it('a custom range: either end unreadable, or an end not after the start, is refused with why', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const hint = { problem: 'A date (2026-11-15) or a UTC time (2026-11-15T08:00:00Z).' };
    assert.deepStrictEqual(customRange('soon', '2026-11-20', now), hint);
    assert.deepStrictEqual(customRange('2026-11-15', 'later', now), hint);
    assert.deepStrictEqual(customRange('2026-11-15T08:00Z', '2026-11-15T08:00Z', now), { problem: 'The range ends (2026-11-15T08:00:00.000Z) before it starts (2026-11-15T08:00:00.000Z).' });
  });
});
