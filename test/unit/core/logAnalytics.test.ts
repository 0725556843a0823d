import * as assert from 'assert';
import fc from 'fast-check';
import { categoryById } from '../../../src/core/catalog/categories';
import { type GraphCategory } from '../../../src/core/catalog/types';
import { loadKusto } from '../../../src/core/kql/kusto';
import { kqlString, kqlStringProblem } from '../../../src/core/kql/literals';
import { childrenOf, kindOf, type KustoLanguage, type SyntaxNode } from '../../../src/core/kql/syntax';
import { compileKql } from '../../../src/core/logAnalytics/compile';
import { checkRawKql } from '../../../src/core/logAnalytics/rawKql';
import { workspaceCategory } from '../../../src/core/logAnalytics/category';
import { exportsOf } from '../../../src/core/sources/registry';
import { workspaceModelOfSpec } from '../../../src/core/sources/logAnalyticsSource';
import { type ExportSpec } from '../../../src/core/export/checkpoint';
import { WORKSPACE_TABLES, workspaceTable, type WorkspaceTable } from '../../../src/core/logAnalytics/tables';
import { TABLE_SCHEMAS } from '../../../src/core/logAnalytics/schema';
import { type FilterModel } from '../../../src/core/odata/model';
import { parseQueryResponse, WorkspaceResponseError } from '../../../src/core/logAnalytics/queryApi';
import { toGraphShape } from '../../../src/core/logAnalytics/toGraph';
import { signInView } from '../../../src/core/detail/signInView';
import { isUnreadable } from '../../../src/core/records/untrusted';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const table = (name: string): WorkspaceTable => workspaceTable(name)!;
/** Text that leans on what breaks queries: quotes, backslashes, line breaks, pipes, comments, any code point. */
const hostileUnit = fc.oneof(fc.constantFrom('"', '\\', "'", '\n', '\r', '\t', '|', ';', '//', '/*', '(', ')', '`', '@', '..', 'a', 'Z', ' ', 'é', '\u202e'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
const hostileText = (maxLength: number) => fc.string({ unit: hostileUnit, maxLength });
const model = (clauses: FilterModel['clauses'], extra: Partial<FilterModel> = {}): FilterModel => ({ time: { kind: 'last', hours: 24 }, clauses, client: [], ...extra });

/** Every node of a parsed query, depth first. */
function nodes(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...childrenOf(n));
  }
  return out;
}

describe('core/logAnalytics: Graph filters as KQL over workspace tables', function () {
  this.timeout(60_000);
  let kusto: KustoLanguage;
  before(async () => {
    kusto = await loadKusto();
  });

  it('maps every property the filter builder offers, in every table that mirrors a Graph report', () => {
    for (const name of ['AuditLogs', 'AADProvisioningLogs', 'AADUserRiskEvents', 'AADRiskyUsers']) {
      const graph = categoryById(table(name).graphCategory!) as GraphCategory;
      const missing = graph.fields.map((f) => f.path).filter((p) => !table(name).fields[p]);
      assert.deepStrictEqual(missing, [], `${name} lacks a column for ${missing.join(', ')}`);
    }
    for (const name of ['SigninLogs', 'AADNonInteractiveUserSignInLogs', 'AADServicePrincipalSignInLogs', 'AADManagedIdentitySignInLogs']) {
      const graph = categoryById(table(name).graphCategory!) as GraphCategory;
      const missing = [...graph.fields.map((f) => f.path), ...graph.lambdas.map((l) => l.path)].filter((p) => !table(name).fields[p]);
      assert.deepStrictEqual(missing, [], `${name} lacks a column for ${missing.join(', ')}`);
    }
    // Each table that mirrors a Graph report maps only properties that report has.
    for (const t of WORKSPACE_TABLES.filter((x) => x.graphCategory)) {
      const graphPaths = new Set([...categoryById(t.graphCategory!)!.fields.map((f) => f.path), ...categoryById(t.graphCategory!)!.lambdas.map((l) => l.path)]);
      const unknown = Object.keys(t.fields).filter((p) => !graphPaths.has(p) && !['id', 'servicePrincipalName', 'servicePrincipalId', 'jobId', 'cycleId', 'changeId', 'uniqueTokenIdentifier', 'sessionId'].includes(p));
      assert.deepStrictEqual(unknown, [], `${t.name} maps properties its Graph report does not have`);
    }
  });

  it('failed sign-ins of one user, last 24 h: the KQL a person would write, with the range as the timespan', () => {
    const c = compileKql(table('SigninLogs'), model([{ field: 'userPrincipalName', op: 'eq', values: ['Alice@Contoso.com'] }, { field: 'status/errorCode', op: 'eq', values: [50126] }], { client: [{ kind: 'failuresOnly' }] }), { nowMs: NOW });
    assert.deepStrictEqual(c.problems, []);
    assert.strictEqual(
      c.query,
      [
        'SigninLogs',
        '| where TimeGenerated between (datetime(2026-11-30T12:00:00.000Z) .. datetime(2026-12-01T12:00:00.000Z))',
        '| where UserPrincipalName =~ "Alice@Contoso.com"',
        '| where ResultType =~ "50126"',
        '| where ResultType != "0"',
        '| sort by TimeGenerated desc',
      ].join('\n'),
    );
    assert.strictEqual(c.timespan, '2026-11-30T12:00:00.000Z/2026-12-01T12:00:00.000Z');
  });

  it('reads nested properties from dynamic columns in SigninLogs, and from JSON strings in the other sign-in tables', () => {
    const clause = model([{ field: 'location/city', op: 'eq', values: ['Lagos'] }]);
    assert.match(compileKql(table('SigninLogs'), clause, { nowMs: NOW }).query, /\| where tostring\(LocationDetails\.city\) =~ "Lagos"/);
    for (const name of ['AADNonInteractiveUserSignInLogs', 'AADServicePrincipalSignInLogs', 'AADManagedIdentitySignInLogs']) {
      assert.match(compileKql(table(name), clause, { nowMs: NOW }).query, /\| where tostring\(parse_json\(LocationDetails\)\.city\) =~ "Lagos"/, name);
    }
  });

  it('several values are one "in~", a risk event type is a term of its column, and an audit initiator is a path into InitiatedBy', () => {
    assert.match(compileKql(table('SigninLogs'), model([{ field: 'appId', op: 'eq', values: ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'] }]), { nowMs: NOW }).query, /\| where AppId in~ \("00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b"\)/);
    assert.match(compileKql(table('SigninLogs'), model([{ field: 'riskEventTypes_v2', op: 'eq', values: ['passwordSpray'] }]), { nowMs: NOW }).query, /\| where RiskEventTypes_V2 has "passwordSpray"/);
    assert.match(compileKql(table('SigninLogs'), model([{ field: 'riskEventTypes_v2', op: 'ne', values: ['passwordSpray'] }]), { nowMs: NOW }).query, /\| where RiskEventTypes_V2 !has "passwordSpray"/);
    assert.match(compileKql(table('SigninLogs'), model([{ field: 'riskEventTypes_v2', op: 'startswith', values: ['password'] }]), { nowMs: NOW }).query, /\| where RiskEventTypes_V2 hasprefix "password"/);
    assert.match(compileKql(table('AuditLogs'), model([{ field: 'initiatedBy/user/userPrincipalName', op: 'eq', values: ['admin@contoso.com'] }]), { nowMs: NOW }).query, /\| where tostring\(InitiatedBy\.user\.userPrincipalName\) =~ "admin@contoso\.com"/);
  });

  it('refuses what the table or the value cannot hold, with the reason, instead of sending it', () => {
    const c = compileKql(table('AADRiskyUsers'), model([{ field: 'ipAddress', op: 'eq', values: ['1.2.3.4'] }, { field: 'userPrincipalName', op: 'eq', values: ['a\u0000b@contoso.com'] }]), { nowMs: NOW });
    assert.deepStrictEqual(c.problems.map((p) => p.message), ['ipAddress is not a column of AADRiskyUsers.', 'The value holds a control character (U+0000) that a query cannot hold.']);
    assert.ok(compileKql(table('SigninLogs'), model([{ field: 'userId', op: 'eq', values: ['not-a-guid'] }]), { nowMs: NOW }).problems[0].message.includes('GUID'));
  });

  it('an expert’s raw KQL condition is checked against the table’s columns, each problem at its place in the text typed', () => {
    const t = table('AADNonInteractiveUserSignInLogs');
    assert.deepStrictEqual(checkRawKql(kusto, t, 'ResultType == "50126" and UserPrincipalName startswith "a"'), []);
    const [syntax] = checkRawKql(kusto, t, 'ResultType == ');
    assert.strictEqual(syntax.position, 13, 'just after ==');
    assert.match(syntax.message, /expression/i);
    const [unknown] = checkRawKql(kusto, t, 'ResultType == "0" and Nope == 1');
    assert.deepStrictEqual([unknown.position, /Nope/.test(unknown.message)], [22, true]);
    assert.doesNotMatch(unknown.message, /Did you mean/, 'nothing is close to Nope');
    // A misspelt or wrongly cased column: the message names the one probably meant.
    assert.match(checkRawKql(kusto, t, 'resulttype == "0"')[0].message, /Did you mean ResultType\?$/);
    assert.match(checkRawKql(kusto, t, 'UserPrincipleName == "a"')[0].message, /Did you mean UserPrincipalName\?$/);
    assert.match(checkRawKql(kusto, table('AuditLogs'), 'Initiated == "x"')[0].message, /Did you mean InitiatedBy\?$/);
    // The type trap: in this table LocationDetails is a string of JSON, so a member needs parse_json.
    assert.ok(checkRawKql(kusto, t, 'LocationDetails.city == "Lagos"').length > 0, 'a member of a string is refused');
    assert.deepStrictEqual(checkRawKql(kusto, t, 'tostring(parse_json(LocationDetails).city) == "Lagos"'), []);
    assert.deepStrictEqual(checkRawKql(kusto, table('SigninLogs'), 'tostring(LocationDetails.city) == "Lagos"'), [], 'dynamic in SigninLogs');
    assert.match(compileKql(t, model([], { raw: ' ResultType != "0" ' }), { nowMs: NOW }).query, /\| where \(ResultType != "0"\)\n\| sort by TimeGenerated desc$/);
  });

  it('a workspace export keeps the whole filter, raw KQL condition included, so it holds what the panel showed', () => {
    const category = workspaceCategory({ id: '90000000-0000-4000-8000-000000000001', name: 'ws' }, table('SigninLogs'))!;
    const filter: FilterModel = { time: { kind: 'last', hours: 24 }, clauses: [{ field: 'userPrincipalName', op: 'eq', values: ['a@b.c'] }], client: [{ kind: 'failuresOnly' }], raw: 'ResultType != "0"' };
    const spec = exportsOf(category).exportSpecFields(category, filter) as Pick<ExportSpec, 'source'>;
    assert.deepStrictEqual(workspaceModelOfSpec(spec as ExportSpec), { time: { kind: 'all' }, clauses: filter.clauses, client: filter.client, raw: filter.raw });
  });

  it('every compiled query parses cleanly with Microsoft’s KQL parser', () => {
    for (const t of WORKSPACE_TABLES) {
      for (const [field, ref] of Object.entries(t.fields)) {
        // The report the table's filter builder offers: the Graph report it mirrors, or its own.
        const spec = t.filter ?? (t.graphCategory ? categoryById(t.graphCategory) : undefined);
        const graphField = spec?.fields.find((f) => f.path === field);
        const lambda = spec?.lambdas.find((l) => l.path === field);
        // A value the property accepts, so the clause is compiled, not refused.
        const kind = graphField?.kind ?? lambda?.item?.kind;
        const value =
          kind?.type === 'enum' ? kind.values[0] : ref.type === 'int' || kind?.type === 'int' ? 1 : ref.type === 'bool' || kind?.type === 'bool' ? true : kind?.type === 'guid' || field.toLowerCase().endsWith('id') ? '00000000-0000-4000-8000-000000000000' : kind?.type === 'upn' ? 'a@b.c' : kind?.type === 'ip' ? '1.2.3.4' : kind?.type === 'country' ? 'US' : 'x';
        // Every operator the filter builder offers on the property, and "not equal" where it offers "equals".
        const offered = graphField?.operators ?? lambda?.item?.operators ?? ['eq' as const];
        for (const op of [...new Set([...offered, ...(offered.includes('eq') ? ['ne' as const] : [])])]) {
          const c = compileKql(t, model([{ field, op, values: [value] }]), { nowMs: NOW });
          assert.deepStrictEqual(c.problems, [], `${t.name}.${field} ${op} ${String(value)}`);
          // Against the table's columns where we know them: a wrong name or type is an error too.
          const schema = TABLE_SCHEMAS[t.name];
          const diagnostics = schema ? kusto.analyze(c.query, [{ name: t.name, schema }]).filter((d) => d.severity === 'Error') : kusto.parse(c.query).diagnostics;
          assert.deepStrictEqual(diagnostics, [], `${t.name}.${field} ${op}: ${c.query}`);
        }
      }
    }
  });

  it('property: no filter text changes the query’s shape; each value comes back from the parser exactly as typed', () => {
    const text = hostileText(30).filter((v) => kqlStringProblem(v) === undefined && v !== '');
    fc.assert(
      fc.property(text, text, (user, app) => {
        const c = compileKql(table('AADNonInteractiveUserSignInLogs'), model([{ field: 'userPrincipalName', op: 'startswith', values: [user] }, { field: 'appDisplayName', op: 'eq', values: [app] }]), { nowMs: NOW });
        assert.deepStrictEqual(c.problems, []);
        const parsed = kusto.parse(c.query);
        assert.deepStrictEqual(parsed.diagnostics, [], c.query);
        const all = nodes(parsed.root);
        // The shape: the table, four operators (range, two conditions, sort), and nothing else.
        assert.deepStrictEqual(all.filter((n) => kindOf(n).endsWith('Operator')).map(kindOf).sort(), ['FilterOperator', 'FilterOperator', 'FilterOperator', 'SortOperator']);
        const strings = all.filter((n) => kindOf(n) === 'LiteralExpression' && typeof n.LiteralValue === 'string').map((n) => n.LiteralValue);
        assert.deepStrictEqual([...strings].sort(), [user, app].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('property: kqlString round-trips any text the parser can hold, and names the character it refuses', () => {
    fc.assert(
      fc.property(hostileText(40), (v) => {
        const problem = kqlStringProblem(v);
        if (problem) {
          assert.throws(() => kqlString(v), /control character/);
          return;
        }
        const parsed = kusto.parse(`print x = ${kqlString(v)}`);
        assert.deepStrictEqual(parsed.diagnostics, []);
        const literal = nodes(parsed.root).find((n) => kindOf(n) === 'LiteralExpression');
        assert.strictEqual(literal?.LiteralValue, v);
      }),
      { numRuns: 500 },
    );
  });
});

describe('core/logAnalytics: the query API’s tables as records, and sign-in rows in Graph’s shape', () => {
  const columns = [
    { name: 'TimeGenerated', type: 'datetime' },
    { name: 'Id', type: 'string' },
    { name: 'CreatedDateTime', type: 'datetime' },
    { name: 'UserPrincipalName', type: 'string' },
    { name: 'ResultType', type: 'string' },
    { name: 'ResultDescription', type: 'string' },
    { name: 'Location', type: 'string' },
    { name: 'LocationDetails', type: 'dynamic' },
    { name: 'ConditionalAccessPolicies', type: 'dynamic' },
    { name: 'Status', type: 'dynamic' },
  ];
  const policies = [{ id: 'p1', displayName: 'Require MFA', result: 'failure', enforcedGrantControls: ['Mfa'] }];
  const row = (id: string, json: boolean) => [
    '2026-12-01T10:00:05Z',
    id,
    '2026-12-01T10:00:00Z',
    'alice@contoso.com',
    '53003',
    'Blocked by Conditional Access',
    'NG',
    json ? JSON.stringify({ city: 'Lagos', state: 'Lagos' }) : { city: 'Lagos', state: 'Lagos' },
    json ? JSON.stringify(policies) : policies,
    json ? JSON.stringify({ errorCode: 53003, additionalDetails: 'x' }) : { errorCode: 53003, additionalDetails: 'x' },
  ];

  it('keeps good rows when one row is malformed, and reports a partial result with its reason', () => {
    const r = parseQueryResponse({ tables: [{ name: 'PrimaryResult', columns, rows: [row('a', false), ['short'], 'not a row', row('b', true)] }], error: { code: 'PartialError', message: 'Query result set has exceeded the internal record count limit' } });
    assert.deepStrictEqual(r.records.map((x) => (isUnreadable(x) ? 'unreadable' : x.Id)), ['a', 'unreadable', 'unreadable', 'b']);
    assert.deepStrictEqual(r.partial, { code: 'PartialError', message: 'Query result set has exceeded the internal record count limit' });
    assert.deepStrictEqual(parseQueryResponse(undefined).records, [], '204: an empty workspace');
    assert.throws(() => parseQueryResponse({ tables: 'x' }), WorkspaceResponseError);
  });

  it('a column named __proto__ is a field, not a prototype', () => {
    const r = parseQueryResponse({ tables: [{ columns: [{ name: '__proto__', type: 'dynamic' }], rows: [[{ polluted: true }]] }] });
    const rec = r.records[0] as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(rec), ['__proto__']);
    assert.strictEqual((rec as { polluted?: unknown }).polluted, undefined);
    assert.strictEqual(({} as { polluted?: unknown }).polluted, undefined);
  });

  it('a SigninLogs row and a non-interactive row (JSON strings) become the same Graph sign-in, with their source', () => {
    const parsed = parseQueryResponse({ tables: [{ columns, rows: [row('a', false), row('b', true)] }] });
    const [dyn, str] = parsed.records.map((x, i) => toGraphShape(x, { workspaceId: 'w', table: i === 0 ? 'SigninLogs' : 'AADNonInteractiveUserSignInLogs' }) as Record<string, unknown>);
    for (const s of [dyn, str]) {
      assert.deepStrictEqual(s.status, { errorCode: 53003, additionalDetails: 'x', failureReason: 'Blocked by Conditional Access' });
      assert.deepStrictEqual(s.appliedConditionalAccessPolicies, policies);
      assert.deepStrictEqual(s.location, { city: 'Lagos', state: 'Lagos', countryOrRegion: 'NG' });
      assert.strictEqual(s.userPrincipalName, 'alice@contoso.com');
      assert.strictEqual(s.createdDateTime, '2026-12-01T10:00:00Z');
    }
    assert.deepStrictEqual(dyn.workspaceSource, { workspaceId: 'w', table: 'SigninLogs', timeGenerated: '2026-12-01T10:00:05Z' });
    // The detail panel says where the record was read.
    const readFrom = (r: Record<string, unknown>) => signInView(r).basic.find((f) => f.label === 'Read from')?.value;
    assert.strictEqual(readFrom(dyn), 'workspace w · table SigninLogs · received 2026-12-01T10:00:05Z');
    assert.strictEqual(readFrom({ ...dyn, workspaceSource: undefined }), undefined, 'a Graph record has no such line');
    assert.strictEqual(dyn.isInteractive, true);
    assert.strictEqual(str.isInteractive, false);
  });

  it('a JSON column that does not parse stays as its text; a policy list that is not a list is no policies', () => {
    const parsed = parseQueryResponse({ tables: [{ columns, rows: [[...row('c', true).slice(0, 7), '{"city": "Lag', '{"not": "a list"}', 'plain text']] }] });
    const s = toGraphShape(parsed.records[0], { workspaceId: 'w', table: 'AADServicePrincipalSignInLogs' }) as Record<string, unknown>;
    assert.deepStrictEqual(s.location, { countryOrRegion: 'NG' });
    assert.deepStrictEqual(s.appliedConditionalAccessPolicies, []);
    assert.deepStrictEqual(s.status, { errorCode: 53003, failureReason: 'Blocked by Conditional Access' });
  });
});
