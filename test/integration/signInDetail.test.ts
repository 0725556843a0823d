import * as assert from 'assert';
import * as vscode from 'vscode';
import { readable } from '../../src/core/records/untrusted';
import type { ResultsPanel } from '../../src/vscode/results/resultsPanel';
import type { OpenSignInResult } from '../../src/vscode/commands/query/openSignInById';
import type { SignInTriageReport } from '../../src/vscode/triage/signInTriageAction';
import { CONTOSO, FULL_APP, withFakeTenant } from './support/withFakeTenant';

const LIMITED_APP = 'c0000000-0000-4000-8000-00000000000c';

describe('Open Sign-in by ID inside VS Code', function () {
  this.timeout(60_000);
  const fake = withFakeTenant({ signIns: 2000, throttling: false });
  const keys: Record<string, string> = {};

  before(async () => {
    for (const [name, app] of [['full', FULL_APP], ['noCa', LIMITED_APP]]) keys[name] = await fake.addTenant(`Detail ${name}`, app);
  });

  const open = (tenantKey: string, id: string) => vscode.commands.executeCommand<OpenSignInResult>('identityLogs.openSignInById', { tenantKey, id, asCorrelationId: false });
  const failedSignIn = () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    for (let i = 0; i < 2000; i++) {
      const s = data.signIn(i);
      if (s.eventType === 'interactiveUser' && (s.json.status as { errorCode: number }).errorCode === 53003) return s.json;
    }
    throw new Error('no blocked sign-in generated');
  };

  it('opens the detail panel of an existing sign-in, titled by its outcome and user', async () => {
    const s = failedSignIn();
    const result = await open(keys.full, String(s.id));
    assert.strictEqual(result.kind, 'opened');
    const panel = (result as { panel: vscode.WebviewPanel }).panel;
    assert.strictEqual(panel.title, `Failed sign-in: ${String(s.userPrincipalName)} (fake tenant)`);
    const again = await open(keys.full, String(s.id).toUpperCase());
    assert.strictEqual((again as { panel: vscode.WebviewPanel }).panel, panel, 'the same sign-in reuses its panel');
  });

  it('a missing id says it is not there within the retention window', async () => {
    const result = await open(keys.full, '00000000-1111-4222-8333-444444444444');
    assert.strictEqual(result.kind, 'notFound');
    assert.match(result.kind === 'notFound' ? (result.message ?? '') : '', /within the retention window \(7 days without Entra ID P1, 30 days with P1 or P2\)/);
  });

  it('an id pasted with braces, in capitals or without hyphens opens the same sign-in', async () => {
    const s = failedSignIn();
    const id = String(s.id);
    const first = await open(keys.full, id);
    for (const pasted of [`{${id.toUpperCase()}}`, id.replace(/-/g, '')]) {
      const again = await open(keys.full, pasted);
      assert.strictEqual(again.kind, 'opened', pasted);
      assert.strictEqual((again as { panel: vscode.WebviewPanel }).panel, (first as { panel: vscode.WebviewPanel }).panel, pasted);
    }
  });

  it('a correlation id is looked up in all four sign-in kinds, and a tab opens for the kind that has it', async () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    let nonInteractive: Record<string, unknown> | undefined;
    for (let i = 0; i < 3000 && !nonInteractive; i++) if (data.signIn(i).eventType === 'nonInteractiveUser') nonInteractive = data.signIn(i).json;
    assert.ok(nonInteractive, 'the fake tenant has a non-interactive sign-in');
    const result = await vscode.commands.executeCommand<OpenSignInResult>('identityLogs.openSignInById', { tenantKey: keys.full, id: String(nonInteractive.correlationId), asCorrelationId: true });
    assert.strictEqual(result.kind, 'listed');
    assert.match(result.message ?? '', /Non-interactive/i);
    const none = await vscode.commands.executeCommand<OpenSignInResult>('identityLogs.openSignInById', { tenantKey: keys.full, id: '00000000-1111-4222-8333-444444444444', asCorrelationId: true });
    assert.strictEqual(none.kind, 'notFound');
    assert.match(none.message ?? '', /No sign-in of any kind/);
  });

  it('a malformed id is refused before any request', async () => {
    const before = fake.emulator.requestsServed();
    const result = await open(keys.full, 'not-a-guid');
    assert.strictEqual(result.kind, 'invalid');
    assert.strictEqual(fake.emulator.requestsServed(), before, 'no request reached the tenant');
  });

  // The banner that says why is read on screen by the e2e test "says plainly when conditional access details are hidden".
  it('for an app without Policy.Read.All the sign-in still opens in its panel (Graph leaves its CA policies out)', async () => {
    const s = failedSignIn();
    const result = await open(keys.noCa, String(s.id));
    assert.strictEqual(result.kind, 'opened');
    assert.match((result as { panel: vscode.WebviewPanel }).panel.title, /Failed sign-in/);
  });

  it('a verdict on a risky sign-in: asked first, sent once, read back; declined or already given sends nothing; a reader app is stopped before any call', async () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const risky: string[] = [];
    for (let i = 0; i < 2000 && risky.length < 2; i++) {
      const { json: j, eventType } = data.signIn(i);
      if (eventType === 'interactiveUser' && j.riskState === 'atRisk' && ['low', 'medium', 'high'].includes(String(j.riskLevelDuringSignIn))) risky.push(String(j.id));
    }
    assert.strictEqual(risky.length, 2, 'the tenant has risky sign-ins');
    const [id, other] = risky;
    const verdict = async (action: string, tenantKey: string, requestIds: string[], answer?: boolean) => {
      if (answer !== undefined) fake.api.prompts.answer(answer);
      try {
        return await vscode.commands.executeCommand<SignInTriageReport>(`identityLogs.triage.signIn.${action}`, { tenantKey, requestIds });
      } finally {
        fake.api.prompts.clear();
      }
    };
    assert.strictEqual((await open(keys.full, id)).kind, 'opened');
    // A grid that loaded the sign-in (and one other): after the verdict it must not still say "at risk".
    const grid = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: keys.full, category: 'signIns.interactive', model: { time: { kind: 'all' }, clauses: [{ field: 'id', op: 'eq', values: [id, other] }], client: [] } });
    await grid.loading;
    const gridState = async (requestId: string) => (readable(await grid.loadedRecords()).find((r) => r.id === requestId) as { riskState?: string } | undefined)?.riskState;
    assert.strictEqual(await gridState(id), 'atRisk');
    const posts = fake.emulator.riskActions().length;
    assert.strictEqual((await verdict('confirmSafe', keys.full, [id], false)).outcome, 'declined');
    assert.strictEqual(fake.emulator.riskActions().length, posts, 'declined: nothing sent');
    const done = await verdict('confirmSafe', keys.full, [id], true);
    assert.strictEqual(done.outcome, 'done');
    assert.deepStrictEqual(done.result?.changed, [id]);
    assert.deepStrictEqual(fake.emulator.riskActions().slice(posts).map((r) => [r.collection, r.action, r.ids, r.status]), [['signIns', 'confirmSafe', [id], 204]]);
    assert.strictEqual(data.signInVerdicts.get(id)?.riskState, 'confirmedSafe');
    assert.strictEqual(await gridState(id), 'confirmedSafe', 'the grid row is read again');
    assert.strictEqual(await gridState(other), 'atRisk', 'its neighbour is left as it was');
    const saved = (await grid.resultsDocument()).value.find((r) => (r as { id?: string }).id === id) as { riskState?: string; riskDetail?: string };
    assert.deepStrictEqual([saved.riskState, saved.riskDetail], ['confirmedSafe', 'adminConfirmedSigninSafe'], 'Save as JSON writes what the grid now shows');
    assert.strictEqual((await verdict('confirmSafe', keys.full, [id])).outcome, 'nothingToDo', 'read back: it is already confirmed safe');
    const reader = await verdict('dismiss', keys.noCa, [other]);
    assert.strictEqual(reader.outcome, 'refusedByPrecheck');
    assert.match(reader.precheck && !reader.precheck.ok ? reader.precheck.title : '', /Dismiss risk for sign-ins needs the application permission IdentityRiskEvent\.ReadWrite\.All/);
    assert.strictEqual(fake.emulator.riskActions().length, posts + 1, 'the reader app sent nothing');
  });
});
