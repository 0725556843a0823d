import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportJob } from '../../src/vscode/export/exportJobs';
import { cancelOnceRowsWritten, resumeOffered } from './exportSteps';
import { isUnreadable, readable } from '../../src/core/records/untrusted';
import { receivedMs } from '../../src/emulator/data/workspaceRows';
import { ingestionLagMs, LAG_SALT, MAX_INGESTION_LAG_MS } from '../../src/emulator/data/workspaceTables';
import type { ResultsPanel } from '../../src/vscode/results/resultsPanel';
import { CONTOSO, FULL_APP, withFakeTenant } from './support/withFakeTenant';

const WORKSPACE = '90000000-0000-4000-8000-000000000001';
const NO_DATA_READ = 'c0000000-0000-4000-8000-00000000000b';
const NO_ROLE = 'c0000000-0000-4000-8000-00000000000c';
const DAY = 86_400_000;

describe('Log Analytics workspaces inside VS Code, against the fake workspace', function () {
  this.timeout(120_000);
  const fake = withFakeTenant({ signIns: 400, throttling: false });
  const keys: Record<string, string> = {};

  before(async () => {
    keys.full = await fake.addTenant('Workspace full', FULL_APP);
    keys.noDataRead = await fake.addTenant('Workspace no Data.Read', NO_DATA_READ);
    keys.noRole = await fake.addTenant('Workspace no role', NO_ROLE);
  });

  const addWorkspace = async (tenantKey: string) => {
    // The ID and the name are asked; the test answers.
    fake.api.prompts.answer(WORKSPACE, 'contoso-sentinel');
    return vscode.commands.executeCommand<string>('identityLogs.addWorkspace', tenantKey);
  };
  const failuresModel = { time: { kind: 'last', hours: 60 * 24 }, clauses: [], client: [{ kind: 'failuresOnly' }] };
  const run = async (tenantKey: string, table: string, model: unknown = failuresModel) => {
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runWorkspaceQuery', { tenantKey, workspaceId: WORKSPACE, table, model });
    assert.ok(panel, 'a results panel opened');
    await panel.loading;
    return panel;
  };

  it('adds a workspace by its ID and name; an ID that is not a GUID is refused by the question itself', async () => {
    const asked = fake.api.prompts.asked().length;
    assert.strictEqual(await addWorkspace(keys.full), WORKSPACE);
    assert.deepStrictEqual(fake.api.prompts.asked().slice(asked).map((q) => q.kind), ['input', 'input']);
    fake.api.prompts.answer('contoso-sentinel');
    const before = fake.api.reportedErrors().length;
    assert.strictEqual(await vscode.commands.executeCommand('identityLogs.addWorkspace', keys.full), undefined);
    assert.match(fake.api.reportedErrors().slice(before)[0]?.summary ?? '', /refuses the scripted answer: A workspace ID is a GUID/);
  });

  it('failed interactive sign-ins of the last 60 days: the panel holds exactly the workspace’s, months past what Graph keeps', async () => {
    const panel = await run(keys.full, 'SigninLogs');
    await panel.load(Infinity);
    assert.strictEqual(panel.progress()?.state, 'done');
    const got = readable(await panel.loadedRecords()).map((r) => String(r.id));
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const range = panel.query.range!;
    const expected = [...data.workspaceSignIns(range.fromMs - 300_000, range.toMs)]
      .filter((r) => r.eventType === 'interactiveUser' && (r.json.status as { errorCode: number }).errorCode !== 0)
      .map((r) => ({ id: String(r.json.id), at: receivedMs(r, data.seed) }))
      .filter((r) => r.at >= range.fromMs && r.at <= range.toMs)
      .sort((a, b) => b.at - a.at)
      .map((r) => r.id);
    assert.deepStrictEqual(got, expected);
    const oldest = Date.parse(String(readable(await panel.loadedRecords()).at(-1)?.createdDateTime));
    assert.ok(oldest < Date.now() - 30 * DAY, 'older than Graph keeps');
    assert.match(panel.query.filter ?? '', /^SigninLogs\n\| where TimeGenerated between/);
  });

  it('a workspace sign-in opens in the sign-in detail panel, conditional access table included', async () => {
    const panel = await run(keys.full, 'SigninLogs', { time: { kind: 'last', hours: 24 * 7 }, clauses: [], client: [] });
    const loaded = await panel.loadedRecords();
    const at = loaded.findIndex((r) => !isUnreadable(r) && Array.isArray(r.appliedConditionalAccessPolicies) && r.appliedConditionalAccessPolicies.length > 0);
    const record = loaded[at];
    assert.ok(record && !isUnreadable(record), 'a sign-in with conditional access results');
    // A grid row's id is its place in arrival order.
    await panel.openRow(String(at));
    const deadline = Date.now() + 10_000;
    const title = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).find((l) => l.includes(String(record.userPrincipalName)));
    while (!title() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(title(), `a detail tab for ${String(record.userPrincipalName)}`);
  });

  it('audits, provisioning, risk detections and risky users: each table’s panel holds the fake tenant’s records of the range, newest first, and opens their detail panels', async () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const month = { time: { kind: 'last', hours: 24 * 30 }, clauses: [], client: [] };
    const at = (v: unknown) => Date.parse(String(v));
    // When the workspace received each record of the tenant (the fake's ingestion lag), newest first.
    const truth: Record<string, (from: number, to: number) => { id: string; at: number }[]> = {
      AuditLogs: (from, to) => [...data.workspaceAudits(from - MAX_INGESTION_LAG_MS, to)].map(({ key, record }) => ({ id: String(record.id), at: at(record.activityDateTime) + ingestionLagMs(data.seed, LAG_SALT.audit, key) })),
      AADProvisioningLogs: (from, to) => [...data.workspaceProvisioning(from - MAX_INGESTION_LAG_MS, to)].map(({ key, record }) => ({ id: String(record.id), at: at(record.activityDateTime) + ingestionLagMs(data.seed, LAG_SALT.provisioning, key) })),
      AADUserRiskEvents: () => Array.from({ length: data.riskDetectionCount }, (_, j) => data.riskDetection(j)).map((r, j) => ({ id: String(r.id), at: at(r.lastUpdatedDateTime) + ingestionLagMs(data.seed, LAG_SALT.riskDetection, j) })),
      AADRiskyUsers: () => [...data.riskyUsers.values()].flatMap((u, k) => u.history.map((h, i) => ({ id: u.id, at: at(h.riskLastUpdatedDateTime) + ingestionLagMs(data.seed, LAG_SALT.riskyUser, k * 4096 + i) }))),
    };
    const titles = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    for (const [table, expectedOf] of Object.entries(truth)) {
      const panel = await run(keys.full, table, month);
      await panel.load(Infinity);
      assert.strictEqual(panel.progress()?.state, 'done', table);
      const range = panel.query.range!;
      const expected = expectedOf(range.fromMs, range.toMs)
        .filter((r) => r.at >= range.fromMs && r.at <= range.toMs)
        .sort((a, b) => b.at - a.at)
        .map((r) => r.id);
      const records = readable(await panel.loadedRecords());
      assert.ok(expected.length > 0, `${table} has records in the range`);
      assert.deepStrictEqual(records.map((r) => String(r.id)), expected, `${table}: exactly the tenant's records, newest first`);
      // The report's own detail panel opens on a workspace row, named by what it is about.
      const about: Record<string, (r: Record<string, unknown>) => unknown> = {
        AuditLogs: (r) => r.activityDisplayName,
        AADProvisioningLogs: (r) => (r.sourceIdentity as { displayName?: unknown }).displayName,
        AADUserRiskEvents: (r) => r.userPrincipalName,
        AADRiskyUsers: (r) => r.userPrincipalName,
      };
      const title = String(about[table](records[0]));
      const before = new Set(titles());
      // A grid row's id is its place in arrival order: the first record came first.
      await panel.openRow('0');
      const opened = () => titles().filter((l) => !before.has(l));
      const deadline = Date.now() + 10_000;
      while (opened().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      assert.strictEqual(opened().length, 1, `${table}: one detail tab opened`);
      assert.ok(opened()[0].includes(title.slice(0, 30)), `${table}: the tab ${opened()[0]} is about ${title}`);
    }
  });

  it('Run on Workspace… takes a Graph report’s conditions to the workspace, over a range Graph no longer keeps', async () => {
    const graph = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: keys.full, category: 'signIns.interactive', model: { time: { kind: 'last', hours: 24 }, clauses: [{ field: 'status/errorCode', op: 'eq', values: [50126] }], client: [] } });
    assert.ok(graph);
    await graph.loading;
    // One workspace: no pick; the range is asked.
    fake.api.prompts.answer('Last 60 days');
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runOnWorkspace', graph);
    assert.ok(panel, 'a workspace panel opened');
    await panel.loading;
    await panel.load(Infinity);
    assert.strictEqual(panel.query.category.source, 'logAnalytics');
    assert.match(panel.query.filter ?? '', /^SigninLogs\n\| where TimeGenerated between .*\n\| where ResultType =~ "50126"/);
    const rows = readable(await panel.loadedRecords());
    assert.ok(rows.length > 0 && rows.every((r) => (r.status as { errorCode?: unknown }).errorCode === 50126), `${rows.length} rows, each error 50126`);
    assert.ok(Math.round((panel.query.range!.toMs - panel.query.range!.fromMs) / DAY) === 60, 'sixty days');
    // A report the workspace cannot run (Office 365 content, a directory audit) is told so.
    const audits = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: keys.full, category: 'directoryAudits', model: { time: { kind: 'last', hours: 24 }, clauses: [], client: [] } });
    assert.strictEqual(await vscode.commands.executeCommand('identityLogs.runOnWorkspace', audits), undefined);
  });

  it('without Data.Read, and without a role on the workspace, the query fails with the true cause', async () => {
    await addWorkspace(keys.noDataRead);
    await addWorkspace(keys.noRole);
    for (const [key, title] of [[keys.noDataRead, 'Data.Read is missing'], [keys.noRole, 'No role on the workspace']] as const) {
      const panel = await run(key, 'SigninLogs');
      assert.strictEqual(panel.progress()?.state, 'failed');
      assert.ok(panel.shownStatus()?.includes(title), `${panel.shownStatus()} names "${title}"`);
    }
  });

  it('the filter builder checks a workspace filter by the workspace’s rules: a custom range older than Graph’s 30 days runs', async () => {
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
    // Run Query on the table without a filter: the builder asks; the test answers as a person clicks.
    fake.api.prompts.answer('$(calendar) Last 7 days', 'Custom range…', day(45), day(40), '$(play) Run query');
    const panel = await vscode.commands.executeCommand<ResultsPanel | undefined>('identityLogs.runWorkspaceQuery', { tenantKey: keys.full, workspaceId: WORKSPACE, table: 'SigninLogs' });
    fake.api.prompts.clear();
    assert.ok(panel, 'the query ran: Graph’s retention does not apply to a workspace');
    await panel.loading;
    const range = panel.query.range!;
    assert.deepStrictEqual([new Date(range.fromMs).toISOString().slice(0, 10), new Date(range.toMs).toISOString().slice(0, 10)], [day(45), day(40)]);
    const rows = readable(await panel.loadedRecords());
    assert.ok(rows.length > 0 && rows.every((r) => Date.parse(String(r.createdDateTime)) < Date.now() - 39 * DAY), `${rows.length} sign-ins, all from before Graph’s 30 days`);
  });

  it('raw KQL: a syntax error or an unknown column is refused before any request; a good condition runs, added to the others', async () => {
    const sent = fake.emulator.workspaceQueries().length;
    const withRaw = (raw: string) => vscode.commands.executeCommand<ResultsPanel | undefined>('identityLogs.runWorkspaceQuery', { tenantKey: keys.full, workspaceId: WORKSPACE, table: 'AADNonInteractiveUserSignInLogs', model: { time: { kind: 'last', hours: 24 * 40 }, clauses: [], client: [], raw } });
    assert.strictEqual(await withRaw('ResultType == '), undefined, 'a syntax error');
    assert.strictEqual(await withRaw('NoSuchColumn == "x"'), undefined, 'an unknown column');
    // In this table LocationDetails is a string of JSON: a member of it needs parse_json first.
    assert.strictEqual(await withRaw('LocationDetails.city == "Lagos"'), undefined, 'the type trap');
    assert.strictEqual(fake.emulator.workspaceQueries().length, sent, 'nothing was sent');
    const panel = await withRaw('tostring(parse_json(LocationDetails).city) == "Lagos"');
    assert.ok(panel);
    await panel.loading;
    assert.match(fake.emulator.workspaceQueries().at(-1) ?? '', /\| where \(tostring\(parse_json\(LocationDetails\)\.city\) == "Lagos"\)/);
    const rows = readable(await panel.loadedRecords());
    assert.ok(rows.length > 0 && rows.every((r) => (r.location as { city?: unknown }).city === 'Lagos'), `${rows.length} rows, all from Lagos`);
  });

  it('a filter the table cannot take is refused before any request, with the reason', async () => {
    const panel = await vscode.commands.executeCommand('identityLogs.runWorkspaceQuery', { tenantKey: keys.full, workspaceId: WORKSPACE, table: 'SigninLogs', model: { time: { kind: 'last', hours: 24 }, clauses: [{ field: 'userId', op: 'eq', values: ['not-a-guid'] }], client: [] } });
    assert.strictEqual(panel, undefined);
  });

  it('exports 30 days of a workspace table to NDJSON, cancelled midway: Resume Export completes it with exactly the workspace’s rows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ile-int-workspace-'));
    try {
      const panel = await run(keys.full, 'SigninLogs', { time: { kind: 'last', hours: 24 * 30 }, clauses: [], client: [] });
      const file = path.join(dir, 'signinlogs.ndjson');
      // The export's questions: format, range, one file or one per day, where.
      fake.api.prompts.answer('NDJSON', 'Last 30 days', 'One file', file);
      const job = await vscode.commands.executeCommand<ExportJob>('identityLogs.export', panel);
      await cancelOnceRowsWritten(job, file);
      const { manifest, ids } = await resumeOffered(fake.api, file, /Interactive sign-ins \(SigninLogs\) · Workspace full → signinlogs\.ndjson/, (r) => String(r.id));
      const data = fake.emulator.datasets.get(CONTOSO)!;
      const from = Date.parse(manifest.range!.from);
      const to = Date.parse(manifest.range!.to);
      const expected = [...data.workspaceSignIns(from - 300_000, to)]
        .filter((r) => r.eventType === 'interactiveUser')
        .map((r) => ({ id: String(r.json.id), at: receivedMs(r, data.seed) }))
        .filter((r) => r.at >= from && r.at <= to)
        .sort((a, b) => b.at - a.at)
        .map((r) => r.id);
      assert.ok(expected.length > 100, `${expected.length} sign-ins in the range`);
      assert.deepStrictEqual(ids, expected, 'exactly the workspace’s rows of the range, newest first, each once');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Diagnose Permissions checks each workspace: allowed with the tables it receives, or Data.Read or the workspace role missing', async () => {
    type Report = { workspaces?: { name: string; dataRead?: boolean; access: { ok: boolean; receiving?: string[]; code?: string } }[] };
    const report = (key: string) => vscode.commands.executeCommand<Report>('identityLogs.diagnosePermissions', key);
    const full = (await report(keys.full)).workspaces?.[0];
    assert.strictEqual(full?.dataRead, true);
    assert.deepStrictEqual(full?.access, { ok: true, receiving: ['SigninLogs', 'AADNonInteractiveUserSignInLogs', 'AADServicePrincipalSignInLogs', 'AuditLogs', 'AADProvisioningLogs', 'AADRiskyUsers', 'AADUserRiskEvents', 'AADRiskyServicePrincipals', 'MicrosoftGraphActivityLogs'] });
    const noDataRead = (await report(keys.noDataRead)).workspaces?.[0];
    assert.deepStrictEqual([noDataRead?.dataRead, noDataRead?.access.ok, noDataRead?.access.code], [false, false, 'InsufficientAccessError/MissingPermission']);
    const noRole = (await report(keys.noRole)).workspaces?.[0];
    assert.deepStrictEqual([noRole?.dataRead, noRole?.access.ok, noRole?.access.code], [true, false, 'InsufficientAccessError/AuthorizationFailed']);
  });

  it('Find Workspaces… lists what Resource Manager shows the credential; without a role it says why and offers to add by ID', async () => {
    const finder = await fake.addTenant('Workspace finder', FULL_APP);
    fake.api.prompts.answer(['contoso-sentinel']);
    assert.deepStrictEqual(await vscode.commands.executeCommand('identityLogs.findWorkspaces', finder), [WORKSPACE]);
    const panel = await run(finder, 'SigninLogs', { time: { kind: 'last', hours: 24 }, clauses: [], client: [] });
    assert.ok(readable(await panel.loadedRecords()).length > 0, 'the workspace found answers queries');
    // Found again: it is in the tree already, nothing is asked.
    const asked = fake.api.prompts.asked().length;
    assert.deepStrictEqual(await vscode.commands.executeCommand('identityLogs.findWorkspaces', finder), []);
    assert.strictEqual(fake.api.prompts.asked().length, asked);

    // The app without Data.Read has no role on the subscription either: nothing is found, and why.
    const blind = await fake.addTenant('Workspace blind', NO_DATA_READ);
    fake.api.prompts.answer('Add by ID…', WORKSPACE, 'by-id');
    assert.deepStrictEqual(await vscode.commands.executeCommand('identityLogs.findWorkspaces', blind), [WORKSPACE]);
    const question = fake.api.prompts.asked().find((q) => q.kind === 'choose' && q.message.startsWith('No Log Analytics workspace found for Workspace blind'));
    assert.match(question?.message ?? '', /no Azure role on any subscription/);
  });

  it('Remove Workspace asks first, then takes it out of the tree', async () => {
    fake.api.prompts.answer(true);
    assert.strictEqual(await vscode.commands.executeCommand('identityLogs.removeWorkspace', { tenantKey: keys.noRole, workspaceId: WORKSPACE }), true);
    assert.strictEqual(await vscode.commands.executeCommand('identityLogs.runWorkspaceQuery', { tenantKey: keys.noRole, workspaceId: WORKSPACE, table: 'SigninLogs', model: failuresModel }), undefined, 'no such workspace any more');
  });
});
