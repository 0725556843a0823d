import * as assert from 'assert';
import { isEnvelope, isNotificationMessage, isRequestMessage, isResponseMessage } from '../../../src/webview/protocol';

describe('webview protocol envelope checks', () => {
  it('accepts well-formed messages of each kind', () => {
    assert.strictEqual(isEnvelope({ kind: 'ready' }), true);
    assert.strictEqual(isRequestMessage({ kind: 'request', id: 1, method: 'load', params: {} }), true);
    assert.strictEqual(isResponseMessage({ kind: 'response', id: 1, ok: true, result: 3 }), true);
    assert.strictEqual(isNotificationMessage({ kind: 'notification', method: 'rows', params: [] }), true);
  });

  it('rejects what a hostile or broken webview could send', () => {
    for (const bad of [null, 'ready', 42, [], { kind: 'eval' }, { kind: 'request', id: '1', method: 'x' }, { kind: 'request', id: 1.5, method: 'x' }, { kind: 'request', id: 1, method: 3 }, { kind: 'response', id: 1 }, { kind: 'notification' }]) {
      assert.ok(!(isRequestMessage(bad) || isResponseMessage(bad) || isNotificationMessage(bad)), JSON.stringify(bad));
    }
  });
});
