import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TimelineData } from '../../src/core/timeline/readTimeline';
import { isSignInSource, timelineRows } from '../../src/core/timeline/timeline';
import { graphActivityRows, graphRequestsOf } from '../../src/emulator/data/graphActivity';
import { betaExtras } from '../../src/emulator/data/signInBeta';
import { STORY_NETWORKS } from '../../src/emulator/data/story';
import { CONTOSO, FULL_APP, withFakeTenant } from './support/withFakeTenant';

const WORKSPACE = '90000000-0000-4000-8000-000000000001';
/** Reads sign-ins and audits, not Identity Protection. */
const AUDIT_READER = 'c0000000-0000-4000-8000-00000000000c';

describe('A user\'s timeline inside VS Code, against the fake tenant with the demo\'s attack story', function () {
  this.timeout(120_000);
  const fake = withFakeTenant({ signIns: 4000, sizes: { story: true }, timeScale: 0.01 });
  const keys: Record<string, string> = {};

  before(async () => {
    keys.full = await fake.addTenant('Timeline full', FULL_APP);
    keys.reader = await fake.addTenant('Timeline reader', AUDIT_READER);
  });

  const investigate = (tenantKey: string, userId: string, label: string) => vscode.commands.executeCommand<TimelineData>('identityLogs.investigateUser', { tenantKey, userId, label, hours: 24 });

  it('the device-code phish victim\'s day: every sign-in of the story and of the background, from both sign-in kinds, with the attacker\'s refreshes flagged as impossible travel', async () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const victim = data.story!.cast.phishVictim;
    const beforeMs = Date.now();
    const timeline = await investigate(keys.full, victim.id, victim.userPrincipalName);
    const afterMs = Date.now();
    const ids = new Set(timeline.entries.filter((e) => e.source === 'signIns' || e.source === 'nonInteractive').map((e) => e.id));
    // The story's phish: the device-code sign-in and the five refreshes from the attacker's network.
    const story = [...data.story!.signIns].filter(([, beat]) => beat.user.id === victim.id && beat.flow === 'phish').map(([i]) => String(data.signIn(i).json.id));
    assert.strictEqual(story.length, 6);
    for (const id of story) assert.ok(ids.has(id), `the story's sign-in ${id} is in the timeline`);
    // And exactly the victim's user sign-ins of the day (give or take the minute the read took at each end).
    const truth = (fromMs: number, toMs: number) => {
      const [from, to] = data.signInRange(fromMs, toMs);
      const out = new Set<string>();
      for (let i = from; i < to; i++) {
        const s = data.signIn(i);
        if ((s.eventType === 'interactiveUser' || s.eventType === 'nonInteractiveUser') && s.json.userId === victim.id) out.add(String(s.json.id));
      }
      return out;
    };
    for (const id of truth(afterMs - 24 * 3_600_000 + 60_000, beforeMs - 60_000)) assert.ok(ids.has(id), `${id} is missing`);
    const wide = truth(beforeMs - 24 * 3_600_000 - 60_000, afterMs + 60_000);
    for (const id of ids) assert.ok(wide.has(id), `${id} is not the victim's`);
    assert.deepStrictEqual(timeline.sources.map((s) => [s.source, s.state]), [['signIns', 'read'], ['nonInteractive', 'read'], ['auditsBy', 'read'], ['auditsTargeting', 'read'], ['riskDetections', 'read'], ['riskHistory', 'read'], ['o365', 'unavailable'], ['graphActivity', 'unavailable']]);
    assert.match(timeline.sources.at(-2)!.note ?? '', /no Office 365 audit subscription is started/, 'Office 365: why it was not read, and what to do');
    assert.match(timeline.sources.at(-1)!.note ?? '', /no Log Analytics workspace is in the tree \(add the one Entra’s diagnostic settings send MicrosoftGraphActivityLogs to\)/, 'Graph requests: why they were not read, and where they would be');
    const moves = timelineRows(timeline.entries).filter((r) => r.kind === 'move' && r.leg.impossible);
    assert.ok(moves.length >= 1, 'home → the attacker\'s network in minutes is impossible travel');
  });

  it('with an Office 365 subscription started, the victim\'s Office 365 records of the day are in the timeline too, and only theirs', async () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const victim = data.story!.cast.phishVictim;
    assert.match(String(await vscode.commands.executeCommand('identityLogs.o365.startSubscription', { tenantKey: keys.full, contentType: 'Audit.AzureActiveDirectory' })), /^(started|alreadyEnabled)$/);
    const beforeMs = Date.now();
    const timeline = await investigate(keys.full, victim.id, victim.userPrincipalName);
    const afterMs = Date.now();
    const o365 = timeline.sources.find((s) => s.source === 'o365')!;
    assert.strictEqual(o365.state, 'read', o365.note);
    const shown = timeline.entries.filter((e) => e.source === 'o365');
    assert.strictEqual(o365.count, shown.length);
    // The truth: the records of every Audit.AzureActiveDirectory blob of the day that name the victim.
    const truth = (fromMs: number, toMs: number) =>
      new Set(
        data
          .blobsCreatedBetween('Audit.AzureActiveDirectory', fromMs, toMs, afterMs)
          .flatMap((b) => data.blobRecords(b) as Record<string, unknown>[])
          .filter((r) => String(r.UserId).toLowerCase() === victim.userPrincipalName.toLowerCase())
          .map((r) => String(r.Id)),
      );
    const sure = truth(afterMs - 24 * 3_600_000 + 3_600_000, beforeMs - 60_000);
    assert.ok(sure.size > 0, 'the victim signed in during the day');
    const ids = new Set(shown.map((e) => e.id));
    for (const id of sure) assert.ok(ids.has(id), `Office 365 record ${id} of the victim is missing`);
    const wide = truth(beforeMs - 25 * 3_600_000, afterMs + 60_000);
    for (const id of ids) assert.ok(wide.has(id), `${id} is not the victim's`);
    assert.ok(shown.some((e) => /UserLoggedIn|UserLoginFailed/.test(e.title)), 'their logons, as Office 365 saw them');
  });

  it('an address\'s timeline holds every sign-in from it, of every kind and user; a session\'s, exactly the sign-ins of that session', async () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const victim = data.story!.cast.phishVictim;
    const phish = [...data.story!.signIns].filter(([, beat]) => beat.user.id === victim.id && beat.flow === 'phish').map(([i]) => data.signIn(i));
    const attacker = String(phish.find((x) => x.eventType === 'nonInteractiveUser')!.json.ipAddress);
    const beforeMs = Date.now();
    const byAddress = await vscode.commands.executeCommand<TimelineData>('identityLogs.investigateIp', { tenantKey: keys.full, address: attacker, hours: 24 });
    const afterMs = Date.now();
    assert.deepStrictEqual(byAddress.sources.map((x) => x.source), ['signIns', 'nonInteractive', 'servicePrincipal', 'managedIdentity', 'riskDetections', 'o365', 'graphActivity']);
    const signIns = byAddress.entries.filter((e) => isSignInSource(e.source));
    const truth = (fromMs: number, toMs: number, keep: (x: ReturnType<typeof data.signIn>) => boolean) => {
      const [from, to] = data.signInRange(fromMs, toMs);
      const out = new Set<string>();
      for (let i = from; i < to; i++) if (keep(data.signIn(i))) out.add(String(data.signIn(i).json.id));
      return out;
    };
    const fromAttacker = (x: ReturnType<typeof data.signIn>) => x.json.ipAddress === attacker;
    const ids = new Set(signIns.map((e) => e.id));
    for (const id of truth(afterMs - 24 * 3_600_000 + 60_000, beforeMs - 60_000, fromAttacker)) assert.ok(ids.has(id), `${id} from ${attacker} is missing`);
    const wide = truth(beforeMs - 24 * 3_600_000 - 60_000, afterMs + 60_000, fromAttacker);
    for (const id of ids) assert.ok(wide.has(id), `${id} is not from ${attacker}`);
    assert.ok(signIns.every((e) => e.title.startsWith(`${victim.userPrincipalName} → `)), 'each sign-in says whose it is');
    // The phish's session: its device-code sign-in and the refreshes redeemed in it, from home and from the attacker.
    const sessionId = String(betaExtras(phish[0]).sessionId);
    const bySession = await vscode.commands.executeCommand<TimelineData>('identityLogs.investigateSession', { tenantKey: keys.full, userId: victim.id, sessionId, label: victim.userPrincipalName, hours: 24 });
    assert.deepStrictEqual(bySession.sources.map((x) => [x.source, x.state]), [['signIns', 'read'], ['nonInteractive', 'read']]);
    const inSession = (x: ReturnType<typeof data.signIn>) => x.json.userId === victim.id && betaExtras(x).sessionId === sessionId;
    assert.deepStrictEqual(new Set(bySession.entries.map((e) => e.id)), truth(beforeMs - 24 * 3_600_000 - 60_000, afterMs + 60_000, inSession));
    for (const x of phish) assert.ok(bySession.entries.some((e) => e.id === x.json.id), `the phish's ${x.eventType} sign-in is in its session`);
  });

  it('names the sources it could not read (an app without Identity Protection permissions) and still reads the rest', async () => {
    const victim = fake.emulator.datasets.get(CONTOSO)!.story!.cast.phishVictim;
    const timeline = await investigate(keys.reader, victim.id, victim.userPrincipalName);
    const state = Object.fromEntries(timeline.sources.map((s) => [s.source, s]));
    assert.strictEqual(state.signIns.state, 'read');
    assert.ok(state.signIns.count > 0);
    for (const source of ['riskDetections', 'riskHistory']) {
      assert.strictEqual(state[source].state, 'unavailable', source);
      assert.match(state[source].note ?? '', /IdentityRisk/, `${source}: the note names the permission`);
    }
  });

  it('with a workspace that keeps Graph activity, the victim’s timeline holds the requests their tokens made, the attacker’s script among them', async () => {
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const victim = data.story!.cast.phishVictim;
    fake.api.prompts.answer(WORKSPACE, 'contoso-sentinel');
    assert.strictEqual(await vscode.commands.executeCommand('identityLogs.addWorkspace', keys.full), WORKSPACE);
    const beforeMs = Date.now();
    const timeline = await investigate(keys.full, victim.id, victim.userPrincipalName);
    const afterMs = Date.now();
    const report = timeline.sources.find((s) => s.source === 'graphActivity')!;
    assert.deepStrictEqual([report.state, report.note], ['read', 'from contoso-sentinel']);
    const shown = timeline.entries.filter((e) => e.source === 'graphActivity');
    assert.strictEqual(report.count, shown.length);
    const truth = (fromMs: number, toMs: number) => new Set([...graphActivityRows(data, CONTOSO, fromMs, toMs)].filter((r) => r.UserId === victim.id).map((r) => String(r.RequestId)));
    const ids = new Set(shown.map((e) => e.id));
    const sure = truth(afterMs - 24 * 3_600_000 + 60_000, beforeMs - 60_000);
    for (const id of sure) assert.ok(ids.has(id), `Graph request ${id} of the victim is missing`);
    const wide = truth(beforeMs - 24 * 3_600_000 - 60_000, afterMs + 60_000);
    for (const id of ids) assert.ok(wide.has(id), `${id} is not the victim’s`);
    // The device-code token's requests: the attacker's script, from the attacker's address.
    const deviceCode = data.signIn([...data.story!.signIns].find(([, b]) => b.flow === 'phish' && b.eventType === 'interactiveUser')![0]);
    const stolen = graphRequestsOf(deviceCode, CONTOSO);
    for (const r of stolen) assert.ok(shown.some((e) => e.id === r.RequestId && e.ip === STORY_NETWORKS.phish.address()), `${String(r.RequestMethod)} ${String(r.RequestUri)} from the attacker is in the timeline`);
    assert.ok(shown.some((e) => e.title === 'POST /v1.0/me/mailFolders/inbox/messageRules'), 'the inbox rule the attacker added');
  });
});
