import * as vscode from 'vscode';
import { decodeClaims } from '../../core/diagnose/claims';
import { diagnose, summarize } from '../../core/diagnose/classify';
import { type Pacer } from '../../core/http/pacer';
import { type ContentType } from '../../core/o365/contentTypes';
import { ManageApi } from '../../core/o365/manageApi';
import { isGuid, type TenantConfig } from '../../core/tenants/tenantConfig';
import { O365_SOURCE } from '../../core/sources/o365Source';
import { type TenantSessions } from '../tenants/sessions';

export type SubscriptionsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly status: ReadonlyMap<string, string> }
  | { readonly kind: 'failed'; readonly summary: string; readonly code: string };

/** Why a tenant cannot use the Management Activity API at all, or undefined when it can. */
export function o365Unavailable(tenant: TenantConfig): string | undefined {
  return O365_SOURCE.unavailable(tenant);
}

/**
 * The Management API per tenant: a client for its cloud's host, the tenant's GUID (the API takes
 * no domain names), the PublisherIdentifier, and each tenant's subscription states for the tree.
 */
export class O365Subscriptions implements vscode.Disposable {
  private readonly states = new Map<string, SubscriptionsState>();
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly sessions: TenantSessions,
    private readonly pacer: Pacer,
  ) {}

  async api(tenant: TenantConfig, signal?: AbortSignal): Promise<ManageApi> {
    const { client, endpoints } = await this.sessions.apiClient(tenant, this.pacer);
    if (!endpoints.manageOrigin) throw new Error(o365Unavailable(tenant) ?? 'No Management API host for this cloud.');
    let tenantId = tenant.tenant;
    if (!isGuid(tenantId)) {
      // A domain was configured: the token says which tenant it is.
      const provider = await this.sessions.tokenProvider(tenant);
      tenantId = decodeClaims((await provider.getToken('manage')).token)?.tid ?? tenantId;
    }
    const configured = vscode.workspace.getConfiguration('identityLogs.o365').get<string>('publisherIdentifier')?.trim();
    return new ManageApi(client, endpoints.manageOrigin, tenantId.toLowerCase(), configured && isGuid(configured) ? configured : tenantId.toLowerCase(), signal);
  }

  state(tenant: TenantConfig): SubscriptionsState {
    const s = this.states.get(tenant.key);
    if (!s) void this.refresh(tenant);
    return s ?? { kind: 'loading' };
  }

  async refresh(tenant: TenantConfig): Promise<SubscriptionsState> {
    this.states.set(tenant.key, { kind: 'loading' });
    let next: SubscriptionsState;
    try {
      const list = await (await this.api(tenant)).list();
      next = { kind: 'loaded', status: new Map(list.map((s) => [s.contentType, s.status])) };
    } catch (e) {
      const d = diagnose(e);
      next = { kind: 'failed', summary: summarize(d), code: d.code };
    }
    this.states.set(tenant.key, next);
    this.changed.fire(tenant.key);
    return next;
  }

  statusOf(tenant: TenantConfig, contentType: ContentType): string | undefined {
    const s = this.states.get(tenant.key);
    return s?.kind === 'loaded' ? s.status.get(contentType) : undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
