import * as vscode from 'vscode';
import { type Parsed, type RequestTable } from '../../webview/parse';
import { isEnvelope, isRequestMessage, type NotificationMap } from '../../webview/protocol';

/** One handler per request, given the params its parser narrowed. */
type Handlers<T extends RequestTable> = { [K in keyof T]: (params: Parsed<T[K]>) => Promise<void> | void };

/**
 * The host side of a webview's typed protocol: notifications wait for the app's `ready`; a request
 * reaches its handler only when its method is in the protocol's table and its params pass that
 * method's parser (an unknown method or bad params are refused and logged); replies carry the id.
 */
export class WebviewHost<T extends RequestTable, N extends NotificationMap> implements vscode.Disposable {
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
    private readonly requests: T,
    private readonly handlers: Handlers<T>,
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
    const method = message.method;
    const parse = Object.hasOwn(this.requests, method) ? this.requests[method] : undefined;
    const params = parse?.(message.params);
    if (params === undefined) {
      this.onBadMessage(`refused request ${method.slice(0, 40)}`);
      void this.webview.postMessage({ kind: 'response', id: message.id, ok: false, error: 'Refused.' });
      return;
    }
    try {
      const result = await this.handlers[method as keyof T](params as Parsed<T[keyof T]>);
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
