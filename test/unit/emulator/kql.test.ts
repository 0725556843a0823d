import * as assert from 'assert';
import { compileKql } from '../../../src/core/logAnalytics/compile';
import { workspaceTable } from '../../../src/core/logAnalytics/tables';
import { type Column, evaluate, type EvalContext, type Row } from '../../../src/emulator/kql/evaluate';
import { KqlError } from '../../../src/emulator/kql/parse';
import { KDate } from '../../../src/emulator/kql/scalars';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const COLUMNS: Column[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Id', type: 'string' },
  { name: 'UserPrincipalName', type: 'string' },
  { name: 'ResultType', type: 'string' },
  { name: 'LocationDetails', type: 'string' },
  { name: 'RiskEventTypes_V2', type: 'string' },
];
/** Ten sign-ins, one per hour back from now; every third failed; the odd ones from Lagos. */
const ROWS: Row[] = Array.from({ length: 10 }, (_, i) => ({
  TimeGenerated: new KDate(NOW - (i + 1) * HOUR + 60_000),
  Id: `id${i}`,
  UserPrincipalName: i % 2 ? 'Alice@Contoso.com' : 'bob@contoso.com',
  ResultType: i % 3 === 0 ? '50126' : '0',
  LocationDetails: JSON.stringify({ city: i % 2 ? 'Lagos' : 'Seattle' }),
  RiskEventTypes_V2: i === 4 ? '["passwordSpray","unfamiliarFeatures"]' : '[]',
}));
const ctx: EvalContext = { now: NOW, table: (name) => (name === 'AADNonInteractiveUserSignInLogs' ? { columns: COLUMNS, rows: ROWS } : undefined) };
const ids = (q: string) => evaluate(q, ctx).rows.map((r) => r.Id);
const T = 'AADNonInteractiveUserSignInLogs';

describe('emulator/kql: the fake workspace runs KQL by walking Microsoft’s syntax tree', function () {
  this.timeout(30_000);

  it('runs what the extension compiles: failed sign-ins of one user in the last 6 hours, newest first', () => {
    const c = compileKql(workspaceTable(T)!, { time: { kind: 'last', hours: 6 }, clauses: [{ field: 'userPrincipalName', op: 'eq', values: ['alice@contoso.com'] }], client: [{ kind: 'failuresOnly' }] }, { nowMs: NOW });
    // Alice signs in at odd hours, failures are every third: id3 only, within 6 hours.
    assert.deepStrictEqual(ids(c.query), ['id3']);
    const city = compileKql(workspaceTable(T)!, { time: { kind: 'last', hours: 24 }, clauses: [{ field: 'location/city', op: 'eq', values: ['lagos'] }], client: [] }, { nowMs: NOW });
    assert.deepStrictEqual(ids(city.query), ['id1', 'id3', 'id5', 'id7', 'id9']);
  });

  it('has is a whole-term match and hasprefix a term prefix, both ignoring case', () => {
    assert.deepStrictEqual(ids(`${T} | where RiskEventTypes_V2 has "PASSWORDSPRAY"`), ['id4']);
    assert.deepStrictEqual(ids(`${T} | where RiskEventTypes_V2 has "password"`), []);
    assert.deepStrictEqual(ids(`${T} | where RiskEventTypes_V2 hasprefix "password"`), ['id4']);
  });

  it('summarize count() by bin(TimeGenerated, 2h), with sort, top, take, project, extend, project-away, distinct and count', () => {
    const r = evaluate(`${T} | summarize n = count(), failed = countif(ResultType != "0") by bin(TimeGenerated, 2h) | sort by TimeGenerated asc`, ctx);
    assert.deepStrictEqual(r.columns.map((c) => `${c.name}:${c.type}`), ['TimeGenerated:datetime', 'n:long', 'failed:long']);
    assert.deepStrictEqual(r.rows.map((x) => x.n), [2, 2, 2, 2, 2]);
    assert.strictEqual(r.rows.reduce((s, x) => s + Number(x.failed), 0), 4);
    assert.deepStrictEqual(ids(`${T} | top 2 by Id asc`), ['id0', 'id1']);
    assert.deepStrictEqual(ids(`${T} | sort by Id | take 3`), ['id9', 'id8', 'id7']);
    const p = evaluate(`${T} | take 1 | project Id, City = tostring(parse_json(LocationDetails).city) | extend Len = strlen(City) | project-away Id`, ctx);
    assert.deepStrictEqual(p.rows, [{ City: 'Seattle', Len: 7 }]);
    assert.deepStrictEqual(evaluate(`${T} | distinct UserPrincipalName`, ctx).rows.length, 2);
    assert.deepStrictEqual(evaluate(`${T} | where ResultType in ("50126", "1") | count`, ctx).rows, [{ Count: 4 }]);
    assert.deepStrictEqual(ids(`${T} | where TimeGenerated > ago(150m) and UserPrincipalName =~ "BOB@contoso.com"`), ['id0']);
  });

  it('refuses in the service’s terms: syntax with its position, unknown tables and columns, and what it does not run', () => {
    const error = (q: string) => {
      try {
        evaluate(q, ctx);
      } catch (e) {
        return e instanceof KqlError ? `${e.inner}: ${e.message}` : `other: ${String(e)}`;
      }
      return 'no error';
    };
    assert.match(error(`${T} | where Id == `), /^SyntaxError: .*line \[1:\d+\]/);
    assert.match(error('Nope | take 1'), /^SemanticError: 'Nope' operator: Failed to resolve table or column expression named 'Nope'/);
    assert.match(error(`${T} | where Nope == 1`), /^SemanticError: Failed to resolve scalar expression named 'Nope'/);
    assert.match(error(`${T} | join (${T}) on Id`), /^SemanticError: The operator 'join' is not supported/);
    assert.match(error(`${T} | where base64_decode_tostring(Id) == ""`), /^SemanticError: Failed to resolve scalar expression named 'base64_decode_tostring'/);
  });

  it('caps the rows it keeps and says so', () => {
    const r = evaluate(`${T} | sort by Id asc`, ctx, 4);
    assert.deepStrictEqual(r.rows.map((x) => x.Id), ['id0', 'id1', 'id2', 'id3']);
    assert.strictEqual(r.truncated, true);
    assert.strictEqual(evaluate(`${T} | take 4`, ctx, 4).truncated, false);
  });
});
