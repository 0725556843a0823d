import {
  isNotificationMessage,
  isResponseMessage,
  type NotificationMap,
  type RequestMap,
} from '../../src/webview/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/**
 * The webview side of the typed protocol: requests to the host are matched to replies by id,
 * notifications from the host are dispatched by method, and `ready` is sent once listeners exist.
 */
export class HostConnection<Requests extends RequestMap, HostNotifications extends NotificationMap> {
  private readonly api: VsCodeApi = acquireVsCodeApi();
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly handlers = new Map<string, (params: unknown) => void>();

  constructor() {
    window.addEventListener('message', (event: MessageEvent<unknown>) => this.receive(event.data));
  }

  on<K extends keyof HostNotifications & string>(method: K, handler: (params: HostNotifications[K]) => void): void {
    this.handlers.set(method, handler as (params: unknown) => void);
  }

  ready(): void {
    this.api.postMessage({ kind: 'ready' });
  }

  request<K extends keyof Requests & string>(method: K, params: Requests[K]['params']): Promise<Requests[K]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.api.postMessage({ kind: 'request', id, method, params });
    });
  }

  get state(): unknown {
    return this.api.getState();
  }

  set state(value: unknown) {
    this.api.setState(value);
  }

  private receive(data: unknown): void {
    if (isResponseMessage(data)) {
      const waiter = this.pending.get(data.id);
      if (!waiter) return;
      this.pending.delete(data.id);
      if (data.ok) waiter.resolve(data.result);
      else waiter.reject(new Error(data.error ?? 'The extension could not complete the request.'));
    } else if (isNotificationMessage(data)) {
      this.handlers.get(data.method)?.(data.params);
    }
  }
}
