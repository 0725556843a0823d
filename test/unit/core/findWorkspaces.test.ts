/**
 * Finding workspaces through Azure Resource Manager, against the fake tenant over HTTPS with real
 * MSAL tokens: a credential with Reader on the subscription finds the workspace by the ID queries
 * use; one without finds none (and the reason is the role, not an error); hostile answers are
 * screened; an ARM token goes to Resource Manager only.
 */
import * as assert from 'assert';
import { findWorkspaces } from '../../../src/core/arm/findWorkspaces';
import { allowedOrigins, checkTokenUrl } from '../../../src/core/http/allowlist';
import { ServiceError } from '../../../src/core/http/serviceError';
import { diagnose } from '../../../src/core/diagnose/classify';
import { cloudById, cloudEndpoints } from '../../../src/core/clouds';
import { type ApiClient } from '../../../src/core/http/client';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { emulatorApi } from '../../support/emulatorApi';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';
const NO_DATA_READ = 'c0000000-0000-4000-8000-00000000000b';

describe('core/arm: finding the workspaces a credential can read', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator({ signIns: 200, throttling: false });
  });
  after(async () => emulator?.close());

  it('with Reader on the subscription: the workspace, by the ID its queries use, with where it lives', async () => {
    const { client, sent } = await emulatorApi(emulator, CONTOSO, FULL_APP);
    const found = await findWorkspaces(client, emulator.origin);
    assert.deepStrictEqual(found, {
      workspaces: [{ id: '90000000-0000-4000-8000-000000000001', name: 'contoso-sentinel', subscriptionId: '00000000-0000-4000-8000-0000000000aa', subscriptionName: 'Contoso Security', resourceGroup: 'security', location: 'westeurope', retentionDays: 90 }],
      subscriptions: 1,
      refused: [],
    });
    assert.deepStrictEqual(
      sent.map((s) => new URL(s.url).pathname),
      ['/subscriptions', '/subscriptions/00000000-0000-4000-8000-0000000000aa/providers/Microsoft.OperationalInsights/workspaces'],
    );
  });

  it('without a role: no subscription and no workspace, and no error', async () => {
    const { client } = await emulatorApi(emulator, CONTOSO, NO_DATA_READ);
    assert.deepStrictEqual(await findWorkspaces(client, emulator.origin), { workspaces: [], subscriptions: 0, refused: [] });
  });

  it('a subscription the credential has no role on: Resource Manager’s refusal reads as its cause and next step', async () => {
    const { client } = await emulatorApi(emulator, CONTOSO, NO_DATA_READ);
    const e = await client.request(`${emulator.origin}/subscriptions/00000000-0000-4000-8000-0000000000aa/providers/Microsoft.OperationalInsights/workspaces?api-version=2023-09-01`, { resource: 'arm', limit: 'arm' }).catch((x: unknown) => x);
    assert.ok(e instanceof ServiceError && e.status === 403, String(e));
    const d = diagnose(e);
    assert.strictEqual(d.code, 'AuthorizationFailed');
    assert.strictEqual(d.explanation?.title, 'No role on the subscription');
    assert.match(d.explanation?.nextStep ?? '', /Reader .* or add the workspace by its ID/);
  });

  it('keeps only well-formed workspaces of a hostile answer, bounds its pages, and notes a refused subscription', async () => {
    const pages: Record<string, unknown> = {
      '/subscriptions': { value: [{ subscriptionId: 'aaaaaaaa-0000-4000-8000-000000000001', displayName: 'Sub <b>1</b>' }, { subscriptionId: 'not-a-guid' }, { subscriptionId: 'aaaaaaaa-0000-4000-8000-000000000002', displayName: 'Locked' }, null, 'x'] },
      '/subscriptions/aaaaaaaa-0000-4000-8000-000000000001/providers/Microsoft.OperationalInsights/workspaces': {
        value: [{ name: 'ok', id: '/subscriptions/a/resourceGroups/rg1/providers/x/workspaces/ok', properties: { customerId: 'BBBBBBBB-0000-4000-8000-000000000001', retentionInDays: -3 } }, { name: 'no id', properties: {} }, { properties: { customerId: '"; drop' } }, 7],
        // A link back to itself: followed a bounded number of times, not forever.
        nextLink: 'https://management.azure.com/subscriptions/aaaaaaaa-0000-4000-8000-000000000001/providers/Microsoft.OperationalInsights/workspaces?api-version=2023-09-01',
      },
    };
    let requests = 0;
    const fake = {
      request: async (url: string) => {
        requests++;
        const path = new URL(url).pathname;
        if (path.includes('000000000002')) throw new ServiceError('arm', 403, 'AuthorizationFailed', 'no', undefined, undefined, undefined, undefined);
        return { url, status: 200, headers: { get: () => null }, body: pages[path] };
      },
    } as unknown as ApiClient;
    const found = await findWorkspaces(fake, 'https://management.azure.com');
    assert.deepStrictEqual(found.workspaces.map((w) => [w.id, w.name, w.resourceGroup, w.retentionDays, w.subscriptionName]), [['bbbbbbbb-0000-4000-8000-000000000001', 'ok', 'rg1', undefined, 'Sub <b>1</b>']]);
    assert.deepStrictEqual(found.refused, [{ subscriptionName: 'Locked', code: 'AuthorizationFailed' }]);
    assert.strictEqual(found.subscriptions, 2);
    assert.ok(requests <= 1 + 20 + 1, `${requests} requests: the self-link was followed a bounded number of times`);
  });

  it('an ARM token goes to Resource Manager only, in each cloud', () => {
    for (const cloud of ['global', 'usGovHigh', 'china'] as const) {
      const origins = allowedOrigins(cloudEndpoints(cloudById(cloud)));
      const arm = `https://${cloudById(cloud).armHost}/subscriptions?api-version=2022-12-01`;
      assert.ok(checkTokenUrl(arm, origins.arm).ok, cloud);
      assert.ok(!checkTokenUrl(arm, origins.graph).ok && !checkTokenUrl(arm, origins.logAnalytics).ok, `${cloud}: other tokens stay off ARM`);
      assert.ok(!checkTokenUrl(`https://${cloudById(cloud).graphHost}/v1.0/me`, origins.arm).ok, `${cloud}: the ARM token stays off Graph`);
    }
  });
});
