import * as assert from 'assert';
import { defaultConfig } from '../../../src/emulator/config';
import { demoSizes, TenantData } from '../../../src/emulator/data/dataset';
import { ATTACKER_CALLS, graphActivityRows, graphRequestsOf, TOKEN_USE_MS } from '../../../src/emulator/data/graphActivity';
import { betaExtras } from '../../../src/emulator/data/signInBeta';
import { STORY_NETWORKS } from '../../../src/emulator/data/story';
import { workspaceTableData } from '../../../src/emulator/data/workspaceTables';

const ANCHOR = Date.parse('2026-11-30T12:00:00Z');
const tenant = defaultConfig().tenants[0];
const demo = new TenantData(42, tenant, ANCHOR, demoSizes(5000));
const GRAPH = '00000003-0000-0000-c000-000000000000';
const ok = (j: Record<string, unknown>) => (j.status as { errorCode: number }).errorCode === 0;
const path = (row: Record<string, unknown>) => String(row.RequestUri).replace('https://graph.microsoft.com', '');

describe('emulator: Microsoft Graph activity in the fake workspace', () => {
  it('the device-code phish: its token is used by the attacker’s script from the attacker’s address, not from where the victim signed in', () => {
    const story = demo.story!;
    const phish = [...story.signIns.entries()].filter(([, beat]) => beat.flow === 'phish').map(([i]) => demo.signIn(i));
    const deviceCode = phish.find((r) => r.eventType === 'interactiveUser')!;
    assert.strictEqual(betaExtras(deviceCode).authenticationProtocol, 'deviceCode');
    const requests = graphRequestsOf(deviceCode, tenant.id);
    assert.deepStrictEqual(requests.map((r) => `${String(r.RequestMethod)} ${path(r)}`), ATTACKER_CALLS.map(([m, p]) => `${m} ${p}`));
    assert.ok(requests.every((r) => r.IPAddress === STORY_NETWORKS.phish.address()), 'from the attacker');
    assert.notStrictEqual(deviceCode.json.ipAddress, STORY_NETWORKS.phish.address(), 'the victim signed in elsewhere');
    assert.ok(requests.every((r) => r.SignInActivityId === betaExtras(deviceCode).uniqueTokenIdentifier && r.UserId === deviceCode.json.userId));
    // The refreshed tokens the attacker redeemed for Graph: the same script, each with its own token.
    const refreshed = phish.filter((r) => r.eventType === 'nonInteractiveUser' && r.json.resourceId === GRAPH);
    assert.ok(refreshed.length >= 2);
    for (const r of refreshed) {
      const rows = graphRequestsOf(r, tenant.id);
      assert.strictEqual(rows.length, ATTACKER_CALLS.length);
      assert.ok(rows.every((x) => x.IPAddress === r.json.ipAddress && x.SignInActivityId === betaExtras(r).uniqueTokenIdentifier));
      assert.ok(rows.some((x) => x.RequestMethod === 'POST' && path(x) === '/v1.0/me/mailFolders/inbox/messageRules'), 'an inbox rule is added');
    }
  });

  it('every other request follows a successful Graph sign-in: same address and app, its token, within the token’s life, in time order', () => {
    let seen = 0;
    for (let i = 0; i < 3000; i++) {
      const r = demo.signIn(i);
      const rows = graphRequestsOf(r, tenant.id);
      if (r.json.resourceId !== GRAPH || !ok(r.json)) {
        assert.deepStrictEqual(rows, [], `sign-in ${i}: no token for Graph, no request`);
        continue;
      }
      if (r.story) continue;
      assert.ok(rows.length >= 1 && rows.length <= 3);
      for (const row of rows) {
        assert.strictEqual(row.IPAddress, r.json.ipAddress);
        assert.strictEqual(row.AppId, r.json.appId);
        assert.strictEqual(row.SignInActivityId, betaExtras(r).uniqueTokenIdentifier);
        const at = row.TimeGenerated as number;
        assert.ok(at > r.createdMs && at - r.createdMs <= TOKEN_USE_MS, 'within the token’s life');
        assert.ok(r.eventType === 'interactiveUser' || r.eventType === 'nonInteractiveUser' ? row.UserId === r.json.userId && row.Roles === '' : row.UserId === '' && row.Scopes === '');
      }
      const times = rows.map((x) => x.TimeGenerated as number);
      assert.deepStrictEqual(times, [...times].sort((a, b) => a - b));
      seen += rows.length;
    }
    assert.ok(seen > 100, `${seen} requests checked`);
  });

  it('a range of the table is exactly the requests made in it, each once, and request ids are never shared', () => {
    const to = ANCHOR - 2 * 3_600_000;
    const from = to - 6 * 3_600_000;
    const got = [...graphActivityRows(demo, tenant.id, from, to)];
    // The truth, from every sign-in of a wider span.
    const truth = [...demo.workspaceSignIns(from - 2 * TOKEN_USE_MS, to)].flatMap((r) => graphRequestsOf(r, tenant.id)).filter((row) => (row.TimeGenerated as number) >= from && (row.TimeGenerated as number) <= to);
    assert.ok(truth.length > 20);
    assert.deepStrictEqual(got.map((r) => r.RequestId).sort(), truth.map((r) => r.RequestId).sort());
    assert.strictEqual(new Set(got.map((r) => r.RequestId)).size, got.length);
    // The table as the workspace serves it, with the columns it declares.
    const table = workspaceTableData(demo, tenant.id, 'MicrosoftGraphActivityLogs')!;
    const names = table.columns.map((c) => c.name);
    for (const row of got) assert.deepStrictEqual(Object.keys(row).sort(), [...names].sort());
  });
});
