import * as assert from 'assert';
import { adminConsentUrl, cloudEndpoints, CLOUDS, cloudById, isCloudId } from '../../../src/core/clouds';

describe('clouds', () => {
  it('gives each national cloud its own Graph, login and Management API hosts (API-FACTS 5)', () => {
    assert.deepStrictEqual(
      Object.values(CLOUDS).map((c) => [c.id, c.graphHost, c.loginHost, c.manageHost]),
      [
        ['global', 'graph.microsoft.com', 'login.microsoftonline.com', 'manage.office.com'],
        ['usGovHigh', 'graph.microsoft.us', 'login.microsoftonline.us', 'manage.office365.us'],
        ['usGovDod', 'dod-graph.microsoft.us', 'login.microsoftonline.us', 'manage.protection.apps.mil'],
        ['china', 'microsoftgraph.chinacloudapi.cn', 'login.chinacloudapi.cn', undefined],
      ],
    );
  });

  it('GCC: the worldwide Graph and sign-in, but manage-gcc for the Management Activity API (token audience too)', () => {
    const gcc = cloudEndpoints(cloudById('global'), true);
    assert.deepStrictEqual([gcc.graphOrigin, gcc.loginOrigin, gcc.manageOrigin, gcc.manageResource], ['https://graph.microsoft.com', 'https://login.microsoftonline.com', 'https://manage-gcc.office.com', 'https://manage-gcc.office.com']);
    // The GCC flag means nothing outside the worldwide cloud.
    assert.strictEqual(cloudEndpoints(cloudById('usGovHigh'), true).manageOrigin, 'https://manage.office365.us');
  });

  it('offers risk dismiss everywhere but China', () => {
    assert.deepStrictEqual(
      Object.values(CLOUDS).filter((c) => !c.supportsRiskDismiss).map((c) => c.id),
      ['china'],
    );
  });

  it('recognises only known cloud ids, including against prototype keys', () => {
    assert.strictEqual(isCloudId('usGovDod'), true);
    assert.strictEqual(isCloudId('toString'), false);
    assert.strictEqual(isCloudId('Global'), false);
    assert.strictEqual(isCloudId(undefined), false);
  });

  it('builds the admin-consent URL on the cloud login host and escapes its parts', () => {
    assert.strictEqual(
      adminConsentUrl(cloudById('usGovHigh'), 'contoso.onmicrosoft.us', '00000000-0000-0000-0000-000000000001'),
      'https://login.microsoftonline.us/contoso.onmicrosoft.us/adminconsent?client_id=00000000-0000-0000-0000-000000000001',
    );
    assert.strictEqual(
      adminConsentUrl(cloudById('global'), 'a/b', 'x&y=z'),
      'https://login.microsoftonline.com/a%2Fb/adminconsent?client_id=x%26y%3Dz',
    );
  });
});
