/**
 * What both detail apps do the same way: wait for the host's `show`, keep only the reference it
 * asks to persist, and send the parts' actions (copy, Open as JSON, Save as JSON…) to the host.
 */
import { LitElement } from 'lit';
import { type NotificationMap, type RequestMap } from '../../src/webview/protocol';
import { type DetailAction } from './detailParts';
import { HostConnection } from './hostConnection';

/** The requests every detail protocol has. */
type DetailRequestsBase = RequestMap & {
  copy: { params: { text: string }; result: unknown };
  openJson: { params: Record<string, never>; result: unknown };
  saveJson: { params: Record<string, never>; result: unknown };
};

/** The notification every detail protocol has: the view, with what the webview may persist (a reference, never the record). */
type DetailNotificationsBase = NotificationMap & { show: { readonly persist: unknown } };

export abstract class DetailApp<Requests extends DetailRequestsBase, Notifications extends DetailNotificationsBase> extends LitElement {
  protected readonly host = new HostConnection<Requests, Notifications>();
  protected data: Notifications['show'] | undefined;

  constructor() {
    super();
    this.host.on('show', (d) => {
      this.data = d;
      this.host.state = d.persist;
      this.requestUpdate();
    });
    this.addEventListener('detail-action', (e) => this.act((e as CustomEvent<DetailAction>).detail));
    this.host.ready();
  }

  private act(action: DetailAction): void {
    if (action.kind === 'copy') void this.host.request('copy', { text: action.text });
    else void this.host.request(action.kind, {});
  }
}
