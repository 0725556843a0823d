import * as assert from 'assert';
import { graphActivityView } from '../../../src/core/detail/graphActivityView';
import { recordPivots } from '../../../src/core/detail/pivots';
import { loadKusto } from '../../../src/core/kql/kusto';
import { workspaceCategory } from '../../../src/core/logAnalytics/category';
import { compileKql } from '../../../src/core/logAnalytics/compile';
import { GRAPH_ACTIVITY_FILTER } from '../../../src/core/logAnalytics/graphActivity';
import { TABLE_SCHEMAS } from '../../../src/core/logAnalytics/schema';
import { workspaceTable } from '../../../src/core/logAnalytics/tables';
import { toGraphShape } from '../../../src/core/logAnalytics/toGraph';
import { toDisplayRow } from '../../../src/core/query/rows';
import { isUnreadable } from '../../../src/core/records/untrusted';
import { graphActivityEntry } from '../../../src/core/timeline/workspaceTimeline';
import { defaultConfig } from '../../../src/emulator/config';
import { demoSizes, TenantData } from '../../../src/emulator/data/dataset';
import { graphRequestsOf } from '../../../src/emulator/data/graphActivity';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const table = workspaceTable('MicrosoftGraphActivityLogs')!;
const source = { workspaceId: '90000000-0000-4000-8000-000000000001', workspaceName: 'ws', table: 'MicrosoftGraphActivityLogs' as const };
const category = workspaceCategory({ id: source.workspaceId, name: 'ws' }, table)!;

/** The fake workspace's rows of the story's device-code token, as the query API sends them (datetimes as ISO text). */
function storyRows(): Record<string, unknown>[] {
  const tenant = defaultConfig().tenants[0];
  const demo = new TenantData(42, tenant, Date.parse('2026-11-30T12:00:00Z'), demoSizes(5000));
  const i = [...demo.story!.signIns.entries()].find(([, b]) => b.flow === 'phish' && b.eventType === 'interactiveUser')![0];
  return graphRequestsOf(demo.signIn(i), tenant.id).map((r) => ({ ...r, TimeGenerated: new Date(r.TimeGenerated as number).toISOString(), TokenIssuedAt: new Date(r.TokenIssuedAt as number).toISOString() }));
}

describe('core/logAnalytics: Graph activity, the report only a workspace has', function () {
  this.timeout(60_000);

  it('is a report of its own: its filter fields each have a column, and its rows open their own detail', () => {
    assert.strictEqual(category.id, 'graphActivity');
    assert.deepStrictEqual(GRAPH_ACTIVITY_FILTER.fields.map((f) => f.path).filter((p) => !table.fields[p]), []);
    assert.deepStrictEqual(Object.keys(table.fields).sort(), GRAPH_ACTIVITY_FILTER.fields.map((f) => f.path).sort());
    assert.ok(category.columns.some((c) => c.kind === 'datetime'), 'a time column: the histogram has an axis');
  });

  it('a token’s writes and refusals compile to the KQL a person would write, and Microsoft’s parser finds no error against the table’s columns', async () => {
    const kusto = await loadKusto();
    const c = compileKql(
      table,
      {
        time: { kind: 'last', hours: 24 },
        clauses: [
          { field: 'signInActivityId', op: 'eq', values: ['AbCd_-12efGH'] },
          { field: 'requestMethod', op: 'eq', values: ['POST', 'PATCH', 'DELETE'] },
          { field: 'responseStatusCode', op: 'ge', values: [400] },
          { field: 'requestUri', op: 'contains', values: ['/messageRules'] },
        ],
        client: [],
      },
      { nowMs: NOW },
    );
    assert.deepStrictEqual(c.problems, []);
    assert.deepStrictEqual(c.query.split('\n').slice(2), ['| where SignInActivityId =~ "AbCd_-12efGH"', '| where RequestMethod in~ ("POST", "PATCH", "DELETE")', '| where ResponseStatusCode >= 400', '| where RequestUri contains "/messageRules"', '| sort by TimeGenerated desc']);
    assert.deepStrictEqual(kusto.analyze(c.query, [{ name: table.name, schema: TABLE_SCHEMAS.MicrosoftGraphActivityLogs! }]).filter((d) => d.severity === 'Error'), []);
    // Values the report's fields refuse are refused before anything is sent.
    const bad = compileKql(table, { time: { kind: 'last', hours: 24 }, clauses: [{ field: 'requestMethod', op: 'eq', values: ['TRACE'] }, { field: 'userId', op: 'eq', values: ['not-a-guid'] }], client: [] }, { nowMs: NOW });
    assert.strictEqual(bad.problems.length, 2);
  });

  it('a row becomes a record under the report’s names; its detail, title, grid row and pivots read it', () => {
    const [row] = storyRows();
    const record = toGraphShape(row, source);
    assert.ok(!isUnreadable(record));
    const r = record as Record<string, unknown>;
    assert.deepStrictEqual([r.id, r.requestMethod, r.responseStatusCode, r.ipAddress, r.signInActivityId, r.region], [row.RequestId, 'GET', 200, row.IPAddress, row.SignInActivityId, 'West Europe']);
    assert.strictEqual(category.title(r), 'GET /v1.0/me → 200');
    const view = graphActivityView(r);
    assert.deepStrictEqual([view.title, view.badge], ['GET /v1.0/me', { text: 'HTTP 200', tone: 'success' }]);
    const fields = view.sections.flatMap((s) => (s.kind === 'fields' ? s.fields : []));
    assert.strictEqual(fields.find((f) => f.label.startsWith('Token'))?.value, row.SignInActivityId);
    const display = toDisplayRow(category, record);
    assert.deepStrictEqual([display.cells.requestMethod, display.cells.requestUri, display.pivots?.token, display.pivots?.ip], ['GET', 'https://graph.microsoft.com/v1.0/me', true, true]);
    const pivots = recordPivots('graphActivity', r);
    assert.deepStrictEqual(pivots.slice(0, 2).map((p) => p.action), [{ kind: 'tokenSignIn', token: row.SignInActivityId, issued: row.TokenIssuedAt }, { kind: 'tokenActivity', token: row.SignInActivityId, issued: row.TokenIssuedAt }]);
    assert.ok(pivots.some((p) => p.action.kind === 'query' && p.action.query.category === 'signIns.nonInteractive' && p.action.query.clauses[0].values[0] === row.UserId));
  });

  it('hostile values stay text: a status that is not a number, a URI that is not one, a method of megabytes', () => {
    const record = toGraphShape({ RequestId: 'x', RequestMethod: 'G'.repeat(2_000_000), RequestUri: 'javascript:alert(1)//' + 'a'.repeat(500), ResponseStatusCode: '200; DROP', TimeGenerated: 'yesterday' }, source) as Record<string, unknown>;
    assert.strictEqual(record.responseStatusCode, null);
    const view = graphActivityView(record);
    assert.strictEqual(view.badge, undefined);
    assert.ok(graphActivityView({ requestUri: 'javascript:alert(1)//' + 'a'.repeat(500) }).title.length <= 220, 'the title is bounded');
    assert.ok(!isUnreadable(record) || typeof record === 'object');
  });

  it('as a timeline entry: the request without its host, its answer as the outcome, whose token on an address’s timeline; no readable time, no entry', () => {
    const [row] = storyRows();
    const r = toGraphShape(row, source) as Record<string, unknown>;
    const entry = graphActivityEntry(r, { naming: true })!;
    assert.deepStrictEqual([entry.source, entry.title, entry.outcome, entry.ip, entry.id, entry.timeMs], ['graphActivity', 'GET /v1.0/me', 'success', row.IPAddress, row.RequestId, Date.parse(String(row.TimeGenerated))]);
    assert.match(entry.detail, new RegExp(`^HTTP 200 · user ${String(row.UserId)} · app ${String(row.AppId)} · token ${String(row.SignInActivityId)}$`));
    assert.doesNotMatch(graphActivityEntry(r)!.detail, /user /, 'a user’s own timeline does not name them on every line');
    assert.strictEqual(graphActivityEntry({ ...r, responseStatusCode: 403 })!.outcome, 'failure');
    assert.strictEqual(graphActivityEntry({ ...r, activityDateTime: 'not a time' }), undefined);
  });
});
