import * as assert from 'assert';
import { parseTenantConfigs, validateClientId, validateTenantIdentifier } from '../../../src/core/tenants/tenantConfig';

const good = {
  key: 'k1',
  displayName: 'Contoso',
  tenant: 'contoso.onmicrosoft.com',
  cloud: 'global',
  signInKind: 'certificate',
  clientId: '00000000-0000-0000-0000-000000000001',
  gcc: false,
  target: 'cloud',
};

describe('parseTenantConfigs', () => {
  it('keeps well-formed entries', () => {
    assert.deepStrictEqual(parseTenantConfigs([good]), [good]);
  });

  it('drops malformed entries instead of failing activation', () => {
    const stored = [good, null, 7, { ...good, cloud: 'mars' }, { ...good, signInKind: 'password' }, { ...good, key: 3 }];
    assert.deepStrictEqual(parseTenantConfigs(stored), [good]);
  });

  it('defaults fields added later (GCC, endpoint target) for entries saved by older versions', () => {
    const { gcc: _g, target: _t, ...older } = good;
    assert.deepStrictEqual(parseTenantConfigs([older]), [good]);
  });

  it('treats a non-array as no tenants', () => {
    assert.deepStrictEqual(parseTenantConfigs(undefined), []);
    assert.deepStrictEqual(parseTenantConfigs({ 0: good }), []);
  });

  it('copies only known fields, so nothing secret stored by mistake travels on', () => {
    const [t] = parseTenantConfigs([{ ...good, clientSecret: 'should-not-survive' }]);
    assert.strictEqual(Object.prototype.hasOwnProperty.call(t, 'clientSecret'), false);
  });
});

describe('tenant and client id validation', () => {
  it('accepts tenant GUIDs and verified domains', () => {
    for (const ok of ['72f988bf-86f1-41af-91ab-2d7cd011db47', 'contoso.onmicrosoft.com', 'contoso.com', 'fabrikam.onmicrosoft.us']) assert.strictEqual(validateTenantIdentifier(ok), undefined, ok);
  });
  it('refuses what cannot name one tenant, with a reason', () => {
    assert.match(validateTenantIdentifier('common')!, /not a tenant/);
    assert.match(validateTenantIdentifier('72f988bf-86f1-41af-91ab-2d7cd011db4')!, /typo/);
    assert.match(validateTenantIdentifier('https://contoso.com')!, /domain/);
    assert.match(validateTenantIdentifier('')!, /Enter the tenant ID/);
  });
  it('wants a GUID for the client id', () => {
    assert.strictEqual(validateClientId('c0000000-0000-4000-8000-00000000000a'), undefined);
    assert.match(validateClientId('Log Explorer')!, /GUID/);
  });
});
