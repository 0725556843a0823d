import * as assert from 'assert';
import { parseTenantConfigs } from '../../../src/core/tenants/tenantConfig';

const good = {
  key: 'k1',
  displayName: 'Contoso',
  tenant: 'contoso.onmicrosoft.com',
  cloud: 'global',
  signInKind: 'certificate',
  clientId: '00000000-0000-0000-0000-000000000001',
};

describe('parseTenantConfigs', () => {
  it('keeps well-formed entries', () => {
    assert.deepStrictEqual(parseTenantConfigs([good]), [good]);
  });

  it('drops malformed entries instead of failing activation', () => {
    const stored = [good, null, 7, { ...good, cloud: 'mars' }, { ...good, signInKind: 'password' }, { ...good, key: 3 }];
    assert.deepStrictEqual(parseTenantConfigs(stored), [good]);
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
