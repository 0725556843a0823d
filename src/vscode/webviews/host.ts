import * as vscode from 'vscode';
import { isEnvelope, isRequestMessage, type NotificationMap, type RequestMap } from '../../webview/protocol';

type Handlers<R extends RequestMap> = { [K in keyof R]: (params: R[K]['params']) => Promise<R[K]['result']> | R[K]['result'] };

/**
 * The host side of a webview's typed protocol: notifications wait for the app's `ready`, requests
 * are checked (method known, params valid) before a handler sees them, and replies carry the id.
 */
export class WebviewHost<R extends RequestMap, N extends NotificationMap> implements vscode.Disposable {
  private ready = false;
  private readonly queue: unknown[] = [];
  private readonly subscription: vscode.Disposable;
  private readonly readyEmitter = new vscode.EventEmitter<{ readonly again: boolean }>();
  /**
   * The app is listening. `again` when it was before: its document was reloaded (Developer: Reload
   * Webviews, or VS Code moving the panel) and everything it showed is gone, so the owner sends its
   * state once more.
   */
  readonly onReady = this.readyEmitter.event;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly methods: readonly (keyof R & string)[],
    private readonly validate: (method: keyof R & string, params: unknown) => boolean,
    private readonly handlers: Handlers<R>,
    private readonly onBadMessage: (why: string) => void,
  ) {
    this.subscription = webview.onDidReceiveMessage((m: unknown) => void this.receive(m));
  }

  notify<K extends keyof N & string>(method: K, params: N[K]): void {
    const message = { kind: 'notification', method, params };
    if (this.ready) void this.webview.postMessage(message);
    else this.queue.push(message);
  }

  private async receive(message: unknown): Promise<void> {
    if (!isEnvelope(message)) return this.onBadMessage('not a protocol message');
    if (message.kind === 'ready') {
      const again = this.ready;
      this.ready = true;
      for (const m of this.queue.splice(0)) void this.webview.postMessage(m);
      this.readyEmitter.fire({ again });
      return;
    }
    if (!isRequestMessage(message)) return this.onBadMessage(`unexpected ${message.kind}`);
    const method = message.method as keyof R & string;
    if (!this.methods.includes(method) || !this.validate(method, message.params)) {
      this.onBadMessage(`refused request ${String(message.method).slice(0, 40)}`);
      void this.webview.postMessage({ kind: 'response', id: message.id, ok: false, error: 'Refused.' });
      return;
    }
    try {
      const result = await this.handlers[method](message.params as R[typeof method]['params']);
      void this.webview.postMessage({ kind: 'response', id: message.id, ok: true, result });
    } catch (e) {
      void this.webview.postMessage({ kind: 'response', id: message.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.readyEmitter.dispose();
  }
}
