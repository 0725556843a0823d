import * as assert from 'assert';
import * as vscode from 'vscode';
import { readable } from '../../src/core/records/untrusted';
import { graphActivityRows, graphRequestsOf } from '../../src/emulator/data/graphActivity';
import { betaExtras } from '../../src/emulator/data/signInBeta';
import { STORY_NETWORKS } from '../../src/emulator/data/story';
import type { ResultsPanel } from '../../src/vscode/results/resultsPanel';
import { queryOverRange } from '../../src/vscode/results/resultsQuery';
import { CONTOSO, FULL_APP, withFakeTenant } from './support/withFakeTenant';

const WORKSPACE = '90000000-0000-4000-8000-000000000001';

describe('Graph activity of a stolen token inside VS Code, against the fake tenant and its workspace', function () {
  this.timeout(120_000);
  const fake = withFakeTenant({ signIns: 4000, sizes: { story: true }, timeScale: 0.01, throttling: false });
  const keys: Record<string, string> = {};

  before(async () => {
    keys.full = await fake.addTenant('Token full', FULL_APP);
    keys.bare = await fake.addTenant('Token no workspace', FULL_APP);
    fake.api.prompts.answer(WORKSPACE, 'contoso-sentinel');
    assert.strictEqual(await vscode.commands.executeCommand('identityLogs.addWorkspace', keys.full), WORKSPACE);
  });

  it('from the device-code phish sign-in’s row: Graph Activity of This Token opens exactly the requests made with it, from the attacker’s address; a request opens its detail', async () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const victim = data.story!.cast.phishVictim;
    const index = [...data.story!.signIns].find(([, beat]) => beat.flow === 'phish' && beat.eventType === 'interactiveUser')![0];
    const phish = data.signIn(index);
    const grid = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: keys.full, category: 'signIns.interactive', model: { time: { kind: 'last', hours: 24 }, clauses: [{ field: 'userId', op: 'eq', values: [victim.id] }], client: [] } });
    await grid.loading;
    const at = readable(await grid.loadedRecords()).findIndex((r) => r.id === phish.json.id);
    assert.ok(at >= 0, 'the device-code sign-in is in the victim’s grid');
    grid.panel.reveal();
    for (let i = 0; i < 100 && !grid.active; i++) await new Promise((r) => setTimeout(r, 20));
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.results.tokenActivity', { webviewSection: 'row', rowId: String(at), columnId: 'userPrincipalName' });
    assert.ok(panel, 'a Graph activity tab opened');
    await panel.loading;
    await panel.load(Infinity);
    assert.strictEqual(panel.query.category.id, 'graphActivity');
    assert.match(panel.query.filter ?? '', new RegExp(`^MicrosoftGraphActivityLogs\\n.*\\n\\| where SignInActivityId =~ "${String(betaExtras(phish).uniqueTokenIdentifier)}"`));
    const rows = readable(await panel.loadedRecords());
    const truth = graphRequestsOf(phish, CONTOSO);
    assert.deepStrictEqual(rows.map((r) => String(r.id)).sort(), truth.map((r) => String(r.RequestId)).sort());
    assert.ok(rows.every((r) => r.ipAddress === STORY_NETWORKS.phish.address() && r.userId === victim.id), 'the victim’s token, used from the attacker’s address');
    assert.notStrictEqual(phish.json.ipAddress, STORY_NETWORKS.phish.address());
    assert.ok(rows.some((r) => r.requestMethod === 'POST' && String(r.requestUri).endsWith('/me/mailFolders/inbox/messageRules') && r.responseStatusCode === 201), 'the inbox rule it added');
    // Each request as the workspace has it, character for character.
    const uriOf = new Map(truth.map((r) => [String(r.RequestId), String(r.RequestUri)]));
    for (const r of rows) assert.strictEqual(r.requestUri, uriOf.get(String(r.id)));

    const titles = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    const before = new Set(titles());
    const newest = rows.findIndex((r) => r.requestMethod === 'GET' && String(r.requestUri).endsWith('/drive/root/children'));
    await panel.openRow(String(newest));
    const deadline = Date.now() + 10_000;
    while (titles().every((t) => before.has(t)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.deepStrictEqual(titles().filter((t) => !before.has(t)).map((t) => t.replace(/ \(.*\)$/, '')), ['GET /v1.0/me/drive/root/children · HTTP 200']);
  });

  it('a tenant without a workspace that keeps Graph activity is told so, and offered to add one; nothing is sent', async () => {
    const sent = fake.emulator.workspaceQueries().length;
    const asked = fake.api.prompts.asked().length;
    const result = await vscode.commands.executeCommand('identityLogs.tokenGraphActivity', { tenantKey: keys.bare, token: 'AbCdEfGh12345678', issued: new Date().toISOString() });
    assert.strictEqual(result, undefined);
    const questions = fake.api.prompts.asked().slice(asked);
    assert.deepStrictEqual(questions.map((q) => q.kind), ['choose']);
    assert.match(questions[0].message, /has no Log Analytics workspace in the tree: Graph activity is kept only in a workspace\.\nEntra’s diagnostic settings must send the MicrosoftGraphActivityLogs category/);
    assert.strictEqual(fake.emulator.workspaceQueries().length, sent);
  });

  it('a workspace table’s Query This Range: the same filter over the kept range, in a tab of its own, holding exactly the workspace’s rows of it', async () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const changes = { time: { kind: 'last', hours: 24 }, clauses: [{ field: 'requestMethod', op: 'eq', values: ['POST', 'PATCH', 'PUT', 'DELETE'] }], client: [] };
    const day = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runWorkspaceQuery', { tenantKey: keys.full, workspaceId: WORKSPACE, table: 'MicrosoftGraphActivityLogs', model: changes });
    await day.loading;
    const toMs = Date.now() - 3 * 3_600_000;
    const fromMs = toMs - 2 * 3_600_000;
    const range = (await queryOverRange(day.query, fromMs, toMs)) as ResultsPanel;
    assert.ok(range && range !== day, 'a tab of its own');
    await range.loading;
    await range.load(Infinity);
    assert.strictEqual(range.query.category.id, 'graphActivity');
    assert.deepStrictEqual(range.query.model.clauses, changes.clauses, 'the same filter');
    assert.deepStrictEqual(range.query.range, { fromMs, toMs });
    const truth = [...graphActivityRows(data, CONTOSO, fromMs, toMs)].filter((r) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(String(r.RequestMethod))).map((r) => String(r.RequestId));
    assert.ok(truth.length > 0, 'changes were made in those two hours');
    assert.deepStrictEqual(readable(await range.loadedRecords()).map((r) => String(r.id)).sort(), truth.sort());
  });

  it('a Graph request’s token leads back to the sign-in that issued it: found in the workspace’s sign-in tables and opened in its panel; an unknown token is said to be absent', async () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const victim = data.story!.cast.phishVictim;
    const refresh = [...data.story!.signIns].filter(([, b]) => b.flow === 'phish' && b.eventType === 'nonInteractiveUser').map(([i]) => data.signIn(i)).find((r) => graphRequestsOf(r, CONTOSO).length > 0)!;
    const [request] = graphRequestsOf(refresh, CONTOSO);
    const titles = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    const before = new Set(titles());
    const result = await vscode.commands.executeCommand<{ found?: Record<string, unknown> }>('identityLogs.tokenSignIn', { tenantKey: keys.full, token: request.SignInActivityId, issued: new Date(request.TokenIssuedAt as number).toISOString() });
    assert.strictEqual(result?.found?.id, refresh.json.id, 'the refresh that issued the token');
    assert.strictEqual(result?.found?.uniqueTokenIdentifier, request.SignInActivityId);
    const deadline = Date.now() + 10_000;
    while (!titles().some((t) => !before.has(t) && t.startsWith(`Sign-in: ${victim.userPrincipalName}`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(titles().some((t) => !before.has(t) && t.startsWith(`Sign-in: ${victim.userPrincipalName}`)), `its sign-in panel opened: ${titles().join(' | ')}`);
    const missing = await vscode.commands.executeCommand<{ notFound?: string }>('identityLogs.tokenSignIn', { tenantKey: keys.full, token: 'NoSuchToken_1234', issued: new Date(request.TokenIssuedAt as number).toISOString() });
    assert.match(missing?.notFound ?? '', /^No sign-in with the token NoSuchToken_1234 is in the workspace around when it was issued/);
  });
});
