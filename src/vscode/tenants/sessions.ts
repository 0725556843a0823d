import * as vscode from 'vscode';
import { AppCredential, type CancellationSignal, DeviceCodeCredential, type DeviceCodePrompt, type TokenProvider } from '../../core/auth/credentials';
import { createAgents, type ManagedAgents, msalNetworkClient } from '../../core/auth/networkClient';
import { allSecretKeys, type SecretStore } from '../../core/auth/secretStore';
import { cloudById, cloudEndpoints, type Endpoints, localEndpoints } from '../../core/clouds';
import { diagnose, summarize } from '../../core/diagnose/classify';
import { allowedOrigins } from '../../core/http/allowlist';
import { ApiClient, newStats } from '../../core/http/client';
import { SYSTEM_CLOCK } from '../../core/http/clock';
import { type Pacer } from '../../core/http/pacer';
import { DEFAULT_RETRY } from '../../core/http/retry';
import { httpTransport } from '../../core/http/transport';
import { type Logger } from '../../core/log/redact';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { fakeTenantSettings, onProxySettingsChanged, proxySettings } from '../settings';

export type SignInState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'signedOut' }
  | { readonly kind: 'signingIn' }
  | { readonly kind: 'signedIn'; readonly account?: string }
  | { readonly kind: 'failed'; readonly summary: string };

export class FakeTenantNotConfiguredError extends Error {
  readonly code = 'FakeTenantNotConfigured';
  constructor() {
    super('This tenant uses the local fake tenant, but the setting identityLogs.fakeTenant.origin is not set to a loopback origin.');
  }
}

/**
 * Sign-in state and token providers per tenant. Providers are built lazily from the tenant's
 * configuration and dropped when it, the endpoint settings or its secrets change (another window
 * signing in or out, for example).
 */
export class TenantSessions implements vscode.Disposable {
  private readonly providers = new Map<string, { config: string; provider: TokenProvider }>();
  private readonly states = new Map<string, SignInState>();
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: { dispose(): void };
  private readonly proxySubscription: { dispose(): void };

  private demoEndpoint: { origin: string; caPem: string } | undefined;

  constructor(
    private readonly secrets: SecretStore,
    private readonly log: Logger,
    private readonly tenants: () => readonly TenantConfig[],
    private readonly demo?: { ensureStarted(): Promise<{ origin: string; caPem: string }> },
  ) {
    this.subscription = secrets.onDidChange((key) => {
      const tenant = this.tenants().find((t) => key.startsWith(`identityLogs.tenant.${t.key}.`));
      if (tenant && this.states.get(tenant.key)?.kind !== 'signingIn') {
        this.providers.delete(tenant.key);
        void this.refresh(tenant);
      }
    });
    // A new proxy applies to the next request: pooled sockets (direct or tunnelled) are closed,
    // and sign-in, whose network module holds the agents, is rebuilt with the new ones.
    this.proxySubscription = onProxySettingsChanged(() => {
      for (const a of this.agents.values()) a.destroy();
      this.agents.clear();
      this.providers.clear();
    });
  }

  /** Starts what a tenant needs before its first request (the demo tenant's server). */
  private async prepare(tenant: TenantConfig): Promise<void> {
    if (tenant.target === 'demo' && this.demo) {
      const d = await this.demo.ensureStarted();
      if (this.demoEndpoint?.origin !== d.origin) {
        this.demoEndpoint = { origin: d.origin, caPem: d.caPem };
        this.providers.delete(tenant.key);
      }
    }
  }

  endpoints(tenant: TenantConfig): { endpoints: Endpoints; ca: string | undefined } {
    const cloud = cloudById(tenant.cloud);
    if (tenant.target === 'demo') {
      if (!this.demoEndpoint) throw new Error('The demo tenant is not running yet.');
      return { endpoints: localEndpoints(cloud, this.demoEndpoint.origin), ca: this.demoEndpoint.caPem };
    }
    if (tenant.target === 'fakeTenant') {
      const fake = fakeTenantSettings();
      if (!fake) throw new FakeTenantNotConfiguredError();
      return { endpoints: localEndpoints(cloud, fake.origin), ca: fake.caPem };
    }
    return { endpoints: cloudEndpoints(cloud, tenant.gcc), ca: undefined };
  }

  /**
   * An API client for the tenant: its token, its allowed hosts, the shared pacer. Async because
   * the demo tenant's server may have to start first; callers never need to know.
   */
  async apiClient(tenant: TenantConfig, pacer: Pacer): Promise<{ client: ApiClient; endpoints: Endpoints }> {
    await this.prepare(tenant);
    const { endpoints, ca } = this.endpoints(tenant);
    const provider = this.provider(tenant);
    const client = new ApiClient({
      fetch: httpTransport(this.agentsFor(ca)),
      tokens: async (resource, o) => (await provider.getToken(resource, o)).token,
      origins: allowedOrigins(endpoints),
      clock: SYSTEM_CLOCK,
      random: Math.random,
      log: this.log,
      pacer,
      tenantKey: tenant.tenant.toLowerCase(),
      appKey: tenant.clientId,
      retry: DEFAULT_RETRY,
      requestTimeoutMs: 150_000,
      stats: newStats(),
    });
    return { client, endpoints };
  }

  private readonly agents = new Map<string, ManagedAgents>();

  /** Agents for a CA under the current proxy settings (a settings change drops them all, see the constructor). */
  private agentsFor(ca: string | undefined): ManagedAgents {
    const key = ca ?? '';
    let a = this.agents.get(key);
    if (!a) {
      a = createAgents({ ca, proxy: proxySettings() });
      this.agents.set(key, a);
    }
    return a;
  }

  /** The tenant's token provider, with whatever it needs started. */
  async tokenProvider(tenant: TenantConfig): Promise<TokenProvider> {
    await this.prepare(tenant);
    return this.provider(tenant);
  }

  private provider(tenant: TenantConfig): TokenProvider {
    const config = JSON.stringify(tenant) + JSON.stringify(tenant.target === 'fakeTenant' ? fakeTenantSettings() : tenant.target === 'demo' ? this.demoEndpoint?.origin : null);
    const cached = this.providers.get(tenant.key);
    if (cached && cached.config === config) return cached.provider;
    const { endpoints, ca } = this.endpoints(tenant);
    const deps = { tenantKey: tenant.key, tenant: tenant.tenant, clientId: tenant.clientId, endpoints, secrets: this.secrets, network: msalNetworkClient(this.agentsFor(ca), this.log), log: this.log };
    const provider = tenant.signInKind === 'deviceCode' ? new DeviceCodeCredential(deps) : new AppCredential(tenant.signInKind, deps, tenant.certificateThumbprint);
    this.providers.set(tenant.key, { config, provider });
    return provider;
  }

  state(tenantKey: string): SignInState {
    return this.states.get(tenantKey) ?? { kind: 'unknown' };
  }

  private set(tenantKey: string, state: SignInState): void {
    this.states.set(tenantKey, state);
    this.changed.fire(tenantKey);
  }

  /** Works out whether a tenant can get tokens without asking (after activation or a change elsewhere). */
  async refresh(tenant: TenantConfig): Promise<SignInState> {
    try {
      await this.prepare(tenant);
      const provider = this.provider(tenant);
      const signedIn = await provider.isSignedIn();
      this.set(tenant.key, signedIn ? { kind: 'signedIn', account: await provider.signedInAccount() } : { kind: 'signedOut' });
    } catch (e) {
      this.set(tenant.key, { kind: 'failed', summary: summarize(diagnose(e)) });
    }
    return this.state(tenant.key);
  }

  /** Signs in with the stored secret or key, if any and not refused; false means "ask for one". */
  async signInWithStored(tenant: TenantConfig): Promise<boolean> {
    await this.prepare(tenant);
    const provider = this.provider(tenant);
    if (!(provider instanceof AppCredential)) return false;
    let used = false;
    await this.run(tenant, async () => {
      const token = await provider.signInWithStored();
      used = token !== undefined;
      return token ?? {};
    });
    if (!used) this.set(tenant.key, { kind: 'signedOut' });
    return used;
  }

  async signInWithSecretOrKey(tenant: TenantConfig, credential: string): Promise<void> {
    await this.prepare(tenant);
    const provider = this.provider(tenant);
    if (!(provider instanceof AppCredential)) throw new Error('This tenant signs in with device code.');
    await this.run(tenant, () => provider.signIn(credential));
  }

  async signInWithDeviceCode(tenant: TenantConfig, show: (prompt: DeviceCodePrompt) => void, cancel: CancellationSignal): Promise<void> {
    await this.prepare(tenant);
    const provider = this.provider(tenant);
    if (!(provider instanceof DeviceCodeCredential)) throw new Error('This tenant signs in with an app credential.');
    await this.run(tenant, () => provider.signIn(show, cancel));
  }

  private async run(tenant: TenantConfig, signIn: () => Promise<{ account?: string }>): Promise<void> {
    this.set(tenant.key, { kind: 'signingIn' });
    await this.prepare(tenant);
    try {
      const token = await signIn();
      this.set(tenant.key, { kind: 'signedIn', account: token.account });
    } catch (e) {
      this.set(tenant.key, { kind: 'failed', summary: summarize(diagnose(e)) });
      throw e;
    }
  }

  async signOut(tenant: TenantConfig): Promise<void> {
    await this.prepare(tenant);
    await this.provider(tenant).signOut();
    this.providers.delete(tenant.key);
    this.set(tenant.key, { kind: 'signedOut' });
    this.log.info(`Signed out of ${tenant.displayName}: its secrets and cached tokens were removed.`);
  }

  /** Removes everything secret a tenant ever stored, whatever its sign-in kind. */
  async forget(tenant: TenantConfig): Promise<void> {
    try {
      await this.provider(tenant).signOut();
    } catch {
      // a half-configured tenant still gets its keys deleted below
    }
    for (const key of allSecretKeys(tenant.key, tenant.clientId)) await this.secrets.delete(key);
    this.providers.delete(tenant.key);
    this.states.delete(tenant.key);
    this.changed.fire(tenant.key);
  }

  /** Drops cached providers (endpoint settings changed). */
  reset(): void {
    this.providers.clear();
    for (const t of this.tenants()) void this.refresh(t);
  }

  dispose(): void {
    this.subscription.dispose();
    this.proxySubscription.dispose();
    for (const a of this.agents.values()) a.destroy();
    this.changed.dispose();
  }
}
