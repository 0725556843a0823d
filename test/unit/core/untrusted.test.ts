import * as assert from 'assert';
import { categoryById, CATEGORIES } from '../../../src/core/catalog/categories';
import { type GraphCategory } from '../../../src/core/catalog/types';
import { directoryAuditView, change } from '../../../src/core/detail/recordView';
import { signInView } from '../../../src/core/detail/signInView';
import { formatResultsDocument, resultsDocument } from '../../../src/core/export/document';
import { encoderFor } from '../../../src/core/export/formats';
import { ApiClient } from '../../../src/core/http/client';
import { SYSTEM_CLOCK } from '../../../src/core/http/clock';
import { Pacer } from '../../../src/core/http/pacer';
import { DEFAULT_RETRY } from '../../../src/core/http/retry';
import { type FetchLike } from '../../../src/core/http/transport';
import { NULL_LOGGER } from '../../../src/core/log/redact';
import { toDisplayRow } from '../../../src/core/query/rows';
import { runQuery } from '../../../src/core/query/runQuery';
import { isUnreadable, jsonText, type LogRecord, MAX_RECORD_DEPTH, screenRecord } from '../../../src/core/records/untrusted';
import { parseCsv } from '../../support/csvParse';

const SIGN_INS = categoryById('signIns.interactive') as GraphCategory;
const ORIGIN = 'https://graph.microsoft.com';
const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

const good = (id: string, extra: Record<string, unknown> = {}) => ({ id, createdDateTime: '2026-11-30T10:00:00Z', userPrincipalName: `${id}@contoso.com`, status: { errorCode: 0 }, ...extra });

/** A Graph page whose `value` holds a well-formed record between every kind of malformed one. */
const HOSTILE_PAGE = `{"value":[
  ${JSON.stringify(good('a'))},
  null,
  42,
  "a string",
  [1,2],
  ${JSON.stringify(good('b', { appliedConditionalAccessPolicies: [null, 3, 'x', { displayName: 'P', result: 'success' }], authenticationDetails: [null, 7], riskEventTypes_v2: [null], status: null, location: 'nowhere', deviceDetail: [] }))},
  {"id":"deep","x":${deepObject(100_000)}},
  {"id":"deeparr","x":${deepArray(50_000)}},
  ${JSON.stringify(good('c'))}
]}`;

function pageClient(body: string): ApiClient {
  const fetch: FetchLike = async () => ({ status: 200, headers: { get: () => null }, text: async () => body });
  return new ApiClient({ fetch, tokens: async () => 't', origins: { graph: [ORIGIN], manage: [], logAnalytics: [], arm: [] }, clock: SYSTEM_CLOCK, random: Math.random, log: NULL_LOGGER, pacer: new Pacer(SYSTEM_CLOCK), tenantKey: 't', appKey: 'a', retry: DEFAULT_RETRY, requestTimeoutMs: 10_000 });
}

async function allRecords(body: string): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  const gen = runQuery(pageClient(body), { category: SIGN_INS, graphOrigin: ORIGIN, filterWithoutTime: undefined, window: undefined });
  for (;;) {
    const r = await gen.next();
    if (r.done) return out;
    out.push(...r.value.records);
  }
}

describe('core/records: one bad record never fails the records around it', () => {
  it('screens nulls, scalars, arrays and records nested past the bound; keeps good ones as they are', () => {
    for (const v of [null, 0, 'x', true, [1], []]) assert.ok(isUnreadable(screenRecord(v)), JSON.stringify(v));
    const ok = { id: 'a', nested: JSON.parse(deepObject(MAX_RECORD_DEPTH - 1)) as unknown };
    assert.strictEqual(screenRecord(ok), ok);
    const tooDeep = screenRecord({ id: 'b', nested: JSON.parse(deepObject(MAX_RECORD_DEPTH + 1)) as unknown });
    assert.ok(isUnreadable(tooDeep) && /deeper than 32/.test(tooDeep.reason));
  });

  it('writes any parsed value back as the same JSON text, at any depth, without recursion', () => {
    for (const text of ['null', '42', '"a\\n\\"b"', '[1,{"a":[true,null]},"x"]', '{"a":{"b":[]},"c":""}', deepArray(100_000), deepObject(100_000)]) {
      assert.strictEqual(jsonText(JSON.parse(text)), text.length > 1000 ? text : JSON.stringify(JSON.parse(text)));
    }
  });

  it('a query page with null, scalars and 100,000-deep records yields every good record, and the bad ones as unreadable', async () => {
    const records = await allRecords(HOSTILE_PAGE);
    assert.strictEqual(records.length, 9, 'nothing dropped');
    const readableIds = records.filter((r) => !isUnreadable(r)).map((r) => (r as { id: string }).id);
    assert.deepStrictEqual(readableIds, ['a', 'b', 'c']);
    const bad = records.filter(isUnreadable);
    assert.strictEqual(bad.length, 6);
    assert.deepStrictEqual(bad.slice(0, 4).map((r) => r.raw), ['null', '42', '"a string"', '[1,2]']);
    assert.ok(bad[4].raw.length > 500_000 && bad[4].raw.startsWith('{"id":"deep","x":{"a":{"a":'), 'kept verbatim');
  });

  it('two identical malformed records are two records, not a repeat', async () => {
    const records = await allRecords(`{"value":[null,${JSON.stringify(good('a'))},null,null]}`);
    assert.strictEqual(records.length, 4);
    assert.strictEqual(records.filter(isUnreadable).length, 3);
  });

  it('every grid row and detail view of that page can be built, for every category', async () => {
    const records = await allRecords(HOSTILE_PAGE);
    for (const category of CATEGORIES) {
      const rows = records.map((r) => toDisplayRow(category, r));
      assert.strictEqual(rows.filter((r) => r.unreadable).length, 6, category.id);
      assert.strictEqual(new Set(rows.map((r) => r.id)).size, rows.length, `${category.id}: ids are distinct`);
      const first = category.columns[0].id;
      assert.match(rows[1].cells[first], /^Unreadable record: the service sent null/);
    }
    const b = records.find((r) => !isUnreadable(r) && r.id === 'b') as Record<string, unknown>;
    const row = toDisplayRow(SIGN_INS, b);
    assert.deepStrictEqual(row.ca, [['', ''], ['', ''], ['', ''], ['P', 'success']]);
    const view = signInView(b);
    assert.strictEqual(view.policies?.length, 4);
    assert.strictEqual(view.authSteps?.length, 2);
  });

  it('an audit whose modified property holds JSON nested 100,000 deep still shows its change', () => {
    const deep = deepArray(100_000);
    const c = change('p', '[]', deep);
    assert.ok(c.added.length === 1 && c.added[0].length >= 32, 'shown as text past the bound');
    const view = directoryAuditView({ id: 'x', activityDisplayName: 'Update user', targetResources: [null, 5, { modifiedProperties: [null, { displayName: 'p', oldValue: '[]', newValue: deep }] }] });
    assert.strictEqual(view.title, 'Update user');
  });

  it('exports and saved documents keep an unreadable record exactly as sent, and count it', async () => {
    const records = await allRecords(HOSTILE_PAGE);
    const header = { tenant: { id: 't', name: 'T', cloud: 'global' }, category: { id: 'c', label: 'C', endpoint: 'e' }, filter: null, fetchedAt: '2026-11-30T00:00:00Z', tool: 'test' };
    const nd = encoderFor('ndjson', header, undefined).records(records, 0).toString('utf8').split('\n').filter(Boolean);
    assert.strictEqual(nd.length, 9);
    assert.deepStrictEqual(nd.slice(1, 5), ['null', '42', '"a string"', '[1,2]']);
    const json = encoderFor('json', header, undefined);
    const doc = json.header() + json.records(records, 0).toString('utf8') + json.footer();
    assert.ok(doc.includes(deepObject(100_000).slice(0, 1000)));
    const csv = parseCsv(encoderFor('csv', header, ['id', 'userPrincipalName']).records(records, 0).toString('utf8'));
    assert.strictEqual(csv.length, 9);
    assert.deepStrictEqual(csv[1], ['null', '']);
    const saved = formatResultsDocument(resultsDocument(header, records.slice(0, 6)));
    const parsed = JSON.parse(saved) as { query: { count: number; unreadableRecords: number }; value: unknown[] };
    assert.strictEqual(parsed.query.count, 6);
    assert.strictEqual(parsed.query.unreadableRecords, 4);
    assert.deepStrictEqual(parsed.value.slice(1, 5), [null, 42, 'a string', [1, 2]]);
    const plain = resultsDocument(header, [good('a'), good('b')]);
    assert.strictEqual(formatResultsDocument(plain), `${JSON.stringify(plain, null, 2)}\n`, 'the same bytes as before for ordinary records');
  });
});
