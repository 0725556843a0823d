import { readable } from '../../src/core/records/untrusted';
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { recordPivots, relatedModel } from '../../src/core/detail/pivots';
import { betaExtras } from '../../src/emulator/data/signInBeta';
import type { ResultsPanel } from '../../src/vscode/results/resultsPanel';
import { CONTOSO, FULL_APP, withFakeTenant } from './support/withFakeTenant';

const NO_IDP_APP = 'c0000000-0000-4000-8000-00000000000c';

describe('Query engine inside VS Code: every category against the fake tenant', function () {
  this.timeout(120_000);
  const fake = withFakeTenant({ signIns: 3000, timeScale: 0.01 });
  const keys: string[] = [];

  before(async () => {
    for (const [name, app] of [['Query full', FULL_APP], ['Query no CA', NO_IDP_APP]]) keys.push(await fake.addTenant(name, app));
  });

  const run = async (tenantKey: string, category: string, model?: unknown): Promise<ResultsPanel> => {
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey, category, model: model ?? { time: { kind: 'all' }, clauses: [], client: [] } });
    assert.ok(panel, 'a results panel opened');
    await panel.loading;
    return panel;
  };

  const DAY = 86_400_000;
  const truth = (type: string, fromMs: number) => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const [from, to] = data.signInRange(fromMs, Infinity);
    const ids: string[] = [];
    for (let i = from; i < to; i++) if (data.signIn(i).eventType === type) ids.push(String(data.signIn(i).json.id));
    return ids;
  };

  it('Find Legacy Report opens a report named by its words, and says so when nothing matches', async () => {
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.findLegacyReport', { name: 'unknown sources', tenantKey: keys[0] });
    assert.ok(panel && panel.query.category.id === 'riskDetections', 'signInsFromUnknownSourcesEvents opened');
    await panel.loading;
    const none = await vscode.commands.executeCommand<{ noMatch?: string }>('identityLogs.findLegacyReport', { name: 'kerberos tickets', tenantKey: keys[0] });
    assert.match(none?.noMatch ?? '', /No legacy report matches "kerberos tickets"/);
  });

  it('a pivot (here a legacy report\'s ready query) does not become the report\'s default: the next plain run uses the user\'s own filter', async () => {
    const mine = { time: { kind: 'last', hours: 6 }, clauses: [], client: [] };
    await run(keys[0], 'signIns.interactive', mine);
    const pivot = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.findLegacyReport', { name: 'signInsAfterMultipleFailuresEvents', tenantKey: keys[0] });
    assert.ok(pivot && pivot.query.model.clauses.length === 1, 'the pivot ran with its filter');
    await pivot.loading;
    const plain = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runLastQuery', { tenantKey: keys[0], category: 'signIns.interactive' });
    assert.ok(plain);
    await plain.loading;
    assert.deepStrictEqual(plain.query.model, mine);
  });

  for (const [category, type] of [['signIns.interactive', 'interactiveUser'], ['signIns.nonInteractive', 'nonInteractiveUser'], ['signIns.servicePrincipal', 'servicePrincipal'], ['signIns.managedIdentity', 'managedIdentity']] as const) {
    it(`${category}: the panel holds exactly the fake tenant's ${type} sign-ins of the last 24 h, newest first`, async () => {
      const before = Date.now();
      const panel = await run(keys[0], category, { time: { kind: 'last', hours: 24 }, clauses: [], client: [] });
      const got = readable(await panel.loadedRecords()).map((r) => String(r.id));
      const expected = truth(type, before - DAY);
      assert.strictEqual(panel.progress()?.state, 'done');
      // The boundary second may differ by a record or two between the two clocks.
      assert.ok(Math.abs(got.length - expected.length) <= 2, `${got.length} vs ${expected.length}`);
      assert.deepStrictEqual(got.slice(0, 50), expected.slice(0, 50));
    });
  }

  for (const category of ['directoryAudits', 'provisioning', 'riskDetections', 'riskyUsers']) {
    it(`${category}: rows arrive`, async () => {
      const panel = await run(keys[0], category);
      assert.ok(readable(await panel.loadedRecords()).length > 0, 'rows');
      assert.ok(['done', 'paused'].includes(panel.progress()!.state), panel.progress()!.state);
    });
  }

  it('keeps a panel\'s loaded records in a file of its own (owner-only, outside the host\'s memory) and deletes it when the panel closes', async () => {
    const root = path.join(fake.api.folders.globalStorage, 'loaded-rows');
    const files = () => (fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }).map(String).filter((n) => n.endsWith('.rows')) : []);
    const before = new Set(files());
    const panel = await run(keys[0], 'signIns.interactive', { time: { kind: 'last', hours: 24 }, clauses: [], client: [] });
    const records = readable(await panel.loadedRecords());
    assert.ok(records.length > 50, `${records.length} records`);
    const mine = files().filter((f) => !before.has(f));
    assert.strictEqual(mine.length, 1, 'one file for the new panel');
    const file = path.join(root, mine[0]);
    const text = fs.readFileSync(file, 'utf8');
    assert.strictEqual(text.split('\n').filter(Boolean).length, records.length, 'a line per loaded record');
    for (const r of records) assert.ok(text.includes(JSON.stringify(r.id)), `record ${String(r.id)} is in the file`);
    if (process.platform !== 'win32') assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    panel.panel.dispose();
    for (let i = 0; i < 100 && fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(!fs.existsSync(file), 'the file is gone once the panel closed');
  });

  it('pivots from a record hold exactly the related records: an audit\'s target, a risk detection\'s user around it, a device-code question over loaded rows', async () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const records = (panel: ResultsPanel) => panel.loadedRecords().then((r) => readable(r).map((x) => String(x.id)).sort());
    // An audit with a target: "Audits that target …" is every audit naming that target, whoever made it.
    let audit: Record<string, unknown> | undefined;
    for (let i = 0; i < data.sizes.audits && !audit; i++) if ((data.audit(i).targetResources as { id?: string; type?: string }[])?.some((t) => t.type === 'User')) audit = data.audit(i);
    const pivot = recordPivots('directoryAudit', audit!).find((p) => p.label.startsWith('Audits that target'))!;
    assert.ok(pivot.action.kind === 'query');
    const targetId = pivot.action.query.clauses[0].values[0];
    const auditTruth: string[] = [];
    for (let i = 0; i < data.sizes.audits; i++) if ((data.audit(i).targetResources as { id?: string }[])?.some((t) => t.id === targetId)) auditTruth.push(String(data.audit(i).id));
    assert.deepStrictEqual(await records(await run(keys[0], pivot.action.query.category, relatedModel(pivot.action.query))), auditTruth.sort());
    // A risk detection: its user's interactive sign-ins an hour either side of it.
    const detection = data.riskDetection(0);
    const around = recordPivots('riskDetection', detection)[1];
    assert.ok(around.action.kind === 'query' && typeof around.action.query.hours === 'object');
    const { fromMs, toMs } = around.action.query.hours as { fromMs: number; toMs: number };
    const [from, to] = data.signInRange(fromMs, toMs);
    const signInTruth: string[] = [];
    for (let i = from; i < to; i++) {
      const s = data.signIn(i);
      if (s.eventType === 'interactiveUser' && s.json.userId === detection.userId) signInTruth.push(String(s.json.id));
    }
    assert.deepStrictEqual(await records(await run(keys[0], around.action.query.category, relatedModel(around.action.query))), signInTruth.sort());
  });

  it('the grid\'s row menu: a sign-in\'s session (both kinds), its network and its correlation id open tabs holding exactly the related sign-ins', async () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const grid = await run(keys[0], 'signIns.interactive', { time: { kind: 'last', hours: 24 }, clauses: [], client: [] });
    const loaded = readable(await grid.loadedRecords());
    const at = loaded.findIndex((r) => typeof r.sessionId === 'string' && typeof r.autonomousSystemNumber === 'number' && typeof r.userId === 'string' && typeof r.correlationId === 'string');
    assert.ok(at >= 0, 'a loaded sign-in with a session, a network and a correlation id');
    const s = loaded[at];
    // The menu acts on the focused results panel, as VS Code passes it the row it was opened on.
    const fromRow = async <T>(command: string): Promise<T> => {
      grid.panel.reveal();
      for (let i = 0; i < 100 && !grid.active; i++) await new Promise((r) => setTimeout(r, 20));
      return vscode.commands.executeCommand<T>(command, { webviewSection: 'row', rowId: String(at), columnId: 'userPrincipalName' });
    };
    // As beta serves them (the session and the network are beta fields).
    const all = Array.from({ length: data.sizes.signIns }, (_, i) => data.signIn(i)).map((x) => ({ ...x, json: { ...x.json, ...betaExtras(x) } }));
    const ids = (list: { json: Record<string, unknown> }[]) => list.map((x) => String(x.json.id)).sort();
    const session = await fromRow<(ResultsPanel | undefined)[]>('identityLogs.results.sessionSignIns');
    assert.deepStrictEqual(session.map((p) => p?.query.category.id), ['signIns.interactive', 'signIns.nonInteractive']);
    for (const [k, kind] of (['interactiveUser', 'nonInteractiveUser'] as const).entries()) {
      await session[k]!.loading;
      const truth = all.filter((x) => x.eventType === kind && x.json.userId === s.userId && x.json.sessionId === s.sessionId);
      // The grid shows (and saves) the session's: Graph cannot filter on it, so the user's are loaded and the session's kept.
      assert.deepStrictEqual(readable((await session[k]!.resultsDocument()).value).map((r) => String(r.id)).sort(), ids(truth), `${kind} sign-ins of the session`);
    }
    const before = Date.now();
    const [network] = await fromRow<(ResultsPanel | undefined)[]>('identityLogs.results.networkSignIns');
    await network!.loading;
    const after = Date.now();
    const shown = new Set(readable((await network!.resultsDocument()).value).map((r) => String(r.id)));
    const fromNetwork = (fromMs: number) => all.filter((x) => x.eventType === 'interactiveUser' && x.json.autonomousSystemNumber === s.autonomousSystemNumber && x.createdMs >= fromMs && x.createdMs <= after);
    // The range is "the last 24 hours" as the query ran: between the two clocks read around it.
    for (const id of ids(fromNetwork(after - 86_400_000))) assert.ok(shown.has(id), `${id} from AS${String(s.autonomousSystemNumber)} is shown`);
    const loose = new Set(ids(fromNetwork(before - 86_400_000)));
    for (const id of shown) assert.ok(loose.has(id), `${id} is from AS${String(s.autonomousSystemNumber)}, inside the range`);
    const listed = await fromRow<{ kind: string; message?: string }>('identityLogs.results.correlationSignIns');
    const kinds = [...new Set(all.filter((x) => x.json.correlationId === s.correlationId).map((x) => x.eventType))];
    const label: Record<string, string> = { interactiveUser: 'Interactive', nonInteractiveUser: 'Non-interactive', servicePrincipal: 'Service principal', managedIdentity: 'Managed identity' };
    assert.strictEqual(listed.kind, 'listed');
    assert.strictEqual(listed.message?.split(', ').length, kinds.length, `a tab for each kind of the flow: ${kinds.join(', ')} → ${listed.message}`);
    for (const k of kinds) assert.match(listed.message ?? '', new RegExp(label[k], 'i'));
  });

  it('a filter is applied by Graph: failed sign-ins with one error code', async () => {
    const panel = await run(keys[0], 'signIns.interactive', { time: { kind: 'last', hours: 48 }, clauses: [{ field: 'status/errorCode', op: 'eq', values: [50126] }], client: [] });
    const records = readable(await panel.loadedRecords());
    assert.ok(records.length > 0 && records.every((r) => (r.status as { errorCode: number }).errorCode === 50126));
  });

  it('without a policy permission, conditional access is reported hidden rather than empty', async () => {
    const panel = await run(keys[1], 'signIns.interactive', { time: { kind: 'last', hours: 6 }, clauses: [], client: [] });
    assert.ok(readable(await panel.loadedRecords()).every((r) => !('appliedConditionalAccessPolicies' in r)));
  });

  it('an invalid filter is refused before any request, with the reason', async () => {
    const before = fake.emulator.requestsServed();
    const panel = await vscode.commands.executeCommand<ResultsPanel | undefined>('identityLogs.runQuery', { tenantKey: keys[0], category: 'signIns.interactive', model: { time: { kind: 'all' }, clauses: [{ field: 'status/errorCode', op: 'ge', values: [1] }], client: [] } });
    assert.strictEqual(panel, undefined);
    assert.strictEqual(fake.emulator.requestsServed(), before, 'no request reached the tenant');
    // The count does move: the same query with a filter Graph takes is sent.
    await run(keys[0], 'signIns.interactive', { time: { kind: 'last', hours: 1 }, clauses: [{ field: 'status/errorCode', op: 'eq', values: [50126] }], client: [] });
    assert.ok(fake.emulator.requestsServed() > before, 'a query Graph accepts reaches the tenant');
  });
});

describe('Load all on a large tenant inside VS Code: it says what it would mean first', function () {
  this.timeout(180_000);
  // Dense enough that the first five pages cover about 11 hours of a 30-day range.
  const fake = withFakeTenant({ signIns: 150_000, timeScale: 0.01 });

  it('forecasts the rows to come and the time at the pace so far, offers Export instead, and loads nothing when dismissed', async () => {
    const key = await fake.addTenant('Large', FULL_APP);
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: key, category: 'signIns.interactive', model: { time: { kind: 'last', hours: 720 }, clauses: [], client: [] } });
    await panel.loading;
    const first = panel.progress()!;
    assert.strictEqual(first.state, 'paused');
    assert.strictEqual(first.loaded, 5000, 'the first five pages');
    const asked = fake.api.prompts.asked().length;
    fake.api.prompts.answer(null);
    await panel.loadAll();
    const question = fake.api.prompts.asked().slice(asked);
    assert.strictEqual(question.length, 1, 'one question');
    const rows = Number(/Load about ([\d,]+) more rows\? At the pace so far that takes about /.exec(question[0].message)?.[1].replace(/,/g, '') ?? 0);
    // 5,000 rows over the newest ~11 h of 720 h: some 300,000 more, as the data is even.
    assert.ok(rows > 250_000 && rows < 400_000, question[0].message);
    assert.match(question[0].message, /Export writes them to files as they arrive/);
    assert.strictEqual(panel.progress()!.loaded, 5000, 'dismissed: nothing more was loaded');
  });
});
