import * as assert from 'assert';
import { detailRef, parseDetailRef, REREAD } from '../../../src/vscode/detail/detailRef';

describe('detail tabs keep a reference to their record, never the record', () => {
  it('a reference is the tenant, the kind and the id, and survives the round trip through the webview', () => {
    const ref = detailRef('tenant-1', 'signIn', '6f1c2a44-0000-4000-8000-000000000001');
    assert.deepStrictEqual(Object.keys(ref).sort(), ['id', 'kind', 'tenantKey']);
    assert.deepStrictEqual(parseDetailRef(JSON.parse(JSON.stringify(ref))), ref);
    assert.deepStrictEqual(parseDetailRef(detailRef('t', 'directoryAudit', 'Directory_0A1B2C3D4E5F60718293_17')), { tenantKey: 't', kind: 'directoryAudit', id: 'Directory_0A1B2C3D4E5F60718293_17' });
  });

  it('refuses what a webview could hand back instead: an old record-holding state, a path in the id, an unknown kind', () => {
    assert.strictEqual(parseDetailRef({ tenant: { key: 't' }, record: { id: 'x', userPrincipalName: 'a@b' } }), undefined);
    assert.strictEqual(parseDetailRef({ tenantKey: 't', kind: 'signIn', id: '../../me/messages' }), undefined);
    assert.strictEqual(parseDetailRef({ tenantKey: 't', kind: 'signIn', id: 'x'.repeat(201) }), undefined);
    assert.strictEqual(parseDetailRef({ tenantKey: 't', kind: 'mailbox', id: 'x' }), undefined);
    assert.strictEqual(parseDetailRef(null), undefined);
  });

  it('every kind but Office 365 records and Graph requests (a workspace’s) can be read again from Graph by id', () => {
    assert.deepStrictEqual(
      Object.entries(REREAD).filter(([, r]) => r === undefined).map(([k]) => k),
      ['o365Record', 'graphActivity'],
    );
    assert.strictEqual(REREAD.riskyUser?.limit, 'identityProtection');
  });
});
