/**
 * The three ways a tenant signs in, behind one `TokenProvider`: delegated device code
 * (PublicClientApplication) and app-only client secret or certificate
 * (ConfidentialClientApplication, SHA-256 thumbprint so assertions are PS256). Tokens come from
 * MSAL's cache when they can, and the cache lives in SecretStorage.
 */
import type * as MsalModule from './msal';
import type { AccountInfo, ConfidentialClientApplication, Configuration, DeviceCodeRequest, INetworkModule, PublicClientApplication } from '@azure/msal-node';
import { type Endpoints } from '../clouds';
import { type Logger } from '../log/redact';
import { type SignInKind } from '../tenants/tenantConfig';
import { NetworkFailureError } from '../http/networkFailure';
import { SecretCachePlugin } from './cachePlugin';
import type { MsalNetwork } from './networkClient';
import { type SecretStore, secretKeys } from './secretStore';

export type ResourceKind = 'graph' | 'manage' | 'logAnalytics' | 'arm';

export interface AccessToken {
  readonly token: string;
  readonly expiresOn: Date | null;
  /** The signed-in user for delegated sign-in. */
  readonly account?: string;
}

export interface TokenOptions {
  /** Skip cached tokens (after a 401 in the middle of a long operation). */
  readonly forceRefresh?: boolean;
}

export interface TokenProvider {
  readonly kind: SignInKind;
  getToken(resource: ResourceKind, options?: TokenOptions): Promise<AccessToken>;
  /** Whether this provider can get a token without asking the user anything. */
  isSignedIn(): Promise<boolean>;
  /** The signed-in user, for delegated sign-in. */
  signedInAccount(): Promise<string | undefined>;
  /** Removes accounts, cached tokens and stored secrets. */
  signOut(): Promise<void>;
}

/** Raised when a token needs the user: no account yet, or the refresh token stopped working. */
export class NotSignedInError extends Error {
  readonly code = 'NotSignedIn';
  constructor(message: string) {
    super(message);
  }
}

export interface CredentialDeps {
  readonly tenantKey: string;
  /** Tenant GUID or domain. */
  readonly tenant: string;
  readonly clientId: string;
  readonly endpoints: Endpoints;
  readonly secrets: SecretStore;
  readonly network: INetworkModule & Partial<Pick<MsalNetwork, 'failures' | 'lastFailure'>>;
  readonly log: Logger;
}

/** MSAL errors that stand for "the request did not get through" (see MsalNetwork). */
const MSAL_NETWORK_CODES = new Set(['network_error', 'endpoints_resolution_error', 'openid_config_error', 'no_network_connectivity']);

/**
 * Runs an MSAL call and, when MSAL reports a network failure, throws the real one (host, DNS, TLS,
 * refused …) that our network module saw during the call.
 */
async function throughNetwork<T>(network: CredentialDeps['network'], call: () => Promise<T>): Promise<T> {
  const before = network.failures?.() ?? 0;
  try {
    return await call();
  } catch (e) {
    const code = (e as { errorCode?: unknown } | null)?.errorCode;
    const seen = (network.failures?.() ?? 0) > before ? network.lastFailure?.() : undefined;
    if (seen && typeof code === 'string' && MSAL_NETWORK_CODES.has(code)) throw seen;
    throw e;
  }
}

/** Whether an error says nothing about the credential itself (so a new secret is kept). */
function notTheCredential(e: unknown): boolean {
  const code = (e as { errorCode?: unknown; code?: unknown } | null)?.errorCode ?? (e as { code?: unknown } | null)?.code;
  // endpoints_resolution_error is not here: without a recorded network failure it means the tenant
  // was not found, which is a setting to fix, not a network to wait for.
  return e instanceof NetworkFailureError || code === 'network_error' || code === 'no_network_connectivity';
}

function scopeFor(endpoints: Endpoints, resource: ResourceKind): string {
  if (resource === 'manage') {
    if (!endpoints.manageResource) throw new Error('This cloud has no Office 365 Management Activity API.');
    return `${endpoints.manageResource}/.default`;
  }
  if (resource === 'logAnalytics') return `${endpoints.logAnalyticsResource}/.default`;
  if (resource === 'arm') return `${endpoints.armResource}/.default`;
  return `${endpoints.graphResource}/.default`;
}

type Msal = typeof MsalModule;
let msalModule: Promise<Msal> | undefined;

/** MSAL, loaded on first use (its own bundle in the build). */
function msal(): Promise<Msal> {
  msalModule ??= import('./msal');
  return msalModule;
}

function msalConfig(deps: CredentialDeps, { LogLevel }: Msal): Configuration {
  const authority = `${deps.endpoints.loginOrigin}/${encodeURIComponent(deps.tenant)}`;
  return {
    auth: {
      clientId: deps.clientId,
      authority,
      // The fake tenant is not a known Microsoft host: name it so MSAL skips instance discovery
      // (which would call login.microsoftonline.com).
      ...(deps.endpoints.local ? { knownAuthorities: [new URL(deps.endpoints.loginOrigin).host] } : {}),
    },
    cache: { cachePlugin: new SecretCachePlugin(deps.secrets, secretKeys.tokenCache(deps.tenantKey, deps.clientId), deps.log) },
    system: {
      networkClient: deps.network,
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message) => (level <= LogLevel.Error ? deps.log.error(`MSAL: ${message}`) : deps.log.debug(`MSAL: ${message}`)),
      },
    },
  };
}

export interface DeviceCodePrompt {
  readonly userCode: string;
  readonly verificationUri: string;
  readonly message: string;
  readonly expiresInSeconds: number;
}

export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export class DeviceCodeCredential implements TokenProvider {
  readonly kind = 'deviceCode' as const;
  private app: Promise<PublicClientApplication> | undefined;

  constructor(private readonly deps: CredentialDeps) {}

  private client(): Promise<PublicClientApplication> {
    this.app ??= msal().then((m) => new m.PublicClientApplication(msalConfig(this.deps, m)));
    return this.app;
  }

  /** Runs the device code flow: `show` displays the code; cancelling stops MSAL's polling. */
  async signIn(show: (prompt: DeviceCodePrompt) => void, cancel: CancellationSignal, timeoutSeconds = 900): Promise<AccessToken> {
    const request: DeviceCodeRequest = {
      scopes: [scopeFor(this.deps.endpoints, 'graph')],
      timeout: timeoutSeconds,
      deviceCodeCallback: (r) => show({ userCode: r.userCode, verificationUri: r.verificationUri, message: r.message, expiresInSeconds: r.expiresIn }),
    };
    // MSAL checks `cancel` on the request object it was given before each poll.
    const subscription = cancel.onCancellationRequested(() => (request.cancel = true));
    try {
      if (cancel.isCancellationRequested) request.cancel = true;
      const app = await this.client();
      const result = await throughNetwork(this.deps.network, () => app.acquireTokenByDeviceCode(request));
      if (!result) throw new Error('Sign-in returned no token.');
      this.deps.log.info(`Signed in to ${this.deps.tenant} as ${result.account?.username ?? 'unknown user'} (device code).`);
      return { token: result.accessToken, expiresOn: result.expiresOn, account: result.account?.username };
    } finally {
      subscription.dispose();
    }
  }

  private async account(): Promise<AccountInfo | undefined> {
    const accounts = await (await this.client()).getTokenCache().getAllAccounts();
    return accounts[0];
  }

  async isSignedIn(): Promise<boolean> {
    return (await this.account()) !== undefined;
  }

  async signedInAccount(): Promise<string | undefined> {
    return (await this.account())?.username;
  }

  async getToken(resource: ResourceKind, options: TokenOptions = {}): Promise<AccessToken> {
    if (resource === 'manage') throw new Error('The Office 365 Management Activity API accepts app-only tokens: sign this tenant in with an app secret or certificate to browse Office 365 activity.');
    const account = await this.account();
    if (!account) throw new NotSignedInError('Not signed in. Run "Sign In" on the tenant.');
    const app = await this.client();
    try {
      const result = await throughNetwork(this.deps.network, () => app.acquireTokenSilent({ account, scopes: [scopeFor(this.deps.endpoints, resource)], forceRefresh: options.forceRefresh === true }));
      return { token: result.accessToken, expiresOn: result.expiresOn, account: account.username };
    } catch (e) {
      if (e instanceof (await msal()).InteractionRequiredAuthError) throw new NotSignedInError(`The saved sign-in for ${account.username} has expired or was revoked: sign in again. (${e.errorCode})`);
      throw e;
    }
  }

  async signOut(): Promise<void> {
    const cache = (await this.client()).getTokenCache();
    for (const a of await cache.getAllAccounts()) await cache.removeAccount(a);
    await this.deps.secrets.delete(secretKeys.tokenCache(this.deps.tenantKey, this.deps.clientId));
  }
}

export class AppCredential implements TokenProvider {
  private app: ConfidentialClientApplication | undefined;

  constructor(
    readonly kind: 'clientSecret' | 'certificate',
    private readonly deps: CredentialDeps,
    /** SHA-256 thumbprint of the registered certificate (certificate kind). */
    private readonly thumbprintSha256?: string,
  ) {}

  private async client(): Promise<ConfidentialClientApplication> {
    if (this.app) return this.app;
    const m = await msal();
    const base = msalConfig(this.deps, m);
    if (this.kind === 'clientSecret') {
      const secret = await this.deps.secrets.get(secretKeys.clientSecret(this.deps.tenantKey));
      if (!secret) throw new NotSignedInError('No client secret is stored for this tenant: run "Sign In" and paste the secret value.');
      this.app = new m.ConfidentialClientApplication({ ...base, auth: { ...base.auth, clientSecret: secret } });
    } else {
      const privateKey = await this.deps.secrets.get(secretKeys.privateKey(this.deps.tenantKey));
      if (!privateKey || !this.thumbprintSha256) throw new NotSignedInError('No certificate is stored for this tenant: run "Sign In" and choose the certificate file.');
      this.app = new m.ConfidentialClientApplication({ ...base, auth: { ...base.auth, clientCertificate: { thumbprintSha256: this.thumbprintSha256, privateKey } } });
    }
    return this.app;
  }

  /** Stores the credential (a secret value or a PKCS#8 key) and proves it by getting a Graph token. */
  async signIn(credential: string): Promise<AccessToken> {
    const key = this.kind === 'clientSecret' ? secretKeys.clientSecret(this.deps.tenantKey) : secretKeys.privateKey(this.deps.tenantKey);
    const previous = await this.deps.secrets.get(key);
    await this.deps.secrets.store(key, credential);
    this.app = undefined;
    try {
      const token = await this.getToken('graph', { forceRefresh: true });
      this.deps.log.info(`Signed in to ${this.deps.tenant} as app ${this.deps.clientId} (${this.kind === 'clientSecret' ? 'client secret' : 'certificate'}).`);
      return token;
    } catch (e) {
      this.app = undefined;
      // A failure that never reached the service says nothing about the credential: it is kept,
      // so a retry once the network is back does not ask for it again.
      if (notTheCredential(e)) throw e;
      // A credential shown to be wrong is not kept; the previous one (if any) stays.
      if (previous === undefined) await this.deps.secrets.delete(key);
      else await this.deps.secrets.store(key, previous);
      throw e;
    }
  }

  /**
   * Signs in again with the credential already stored (kept after a network failure). Undefined
   * when there is none, or when the service has now shown it to be wrong (it is then removed).
   */
  async signInWithStored(): Promise<AccessToken | undefined> {
    if (!(await this.isSignedIn())) return undefined;
    this.app = undefined;
    try {
      return await this.getToken('graph', { forceRefresh: true });
    } catch (e) {
      this.app = undefined;
      if (notTheCredential(e) || e instanceof NotSignedInError) throw e;
      await this.deps.secrets.delete(this.kind === 'clientSecret' ? secretKeys.clientSecret(this.deps.tenantKey) : secretKeys.privateKey(this.deps.tenantKey));
      this.deps.log.info(`The stored ${this.kind === 'clientSecret' ? 'client secret' : 'certificate key'} for ${this.deps.tenant} was refused; it was removed.`);
      return undefined;
    }
  }

  async isSignedIn(): Promise<boolean> {
    const key = this.kind === 'clientSecret' ? secretKeys.clientSecret(this.deps.tenantKey) : secretKeys.privateKey(this.deps.tenantKey);
    return (await this.deps.secrets.get(key)) !== undefined;
  }

  async signedInAccount(): Promise<string | undefined> {
    return undefined;
  }

  async getToken(resource: ResourceKind, options: TokenOptions = {}): Promise<AccessToken> {
    const app = await this.client();
    const result = await throughNetwork(this.deps.network, () => app.acquireTokenByClientCredential({ scopes: [scopeFor(this.deps.endpoints, resource)], skipCache: options.forceRefresh === true }));
    if (!result) throw new Error('Sign-in returned no token.');
    return { token: result.accessToken, expiresOn: result.expiresOn };
  }

  async signOut(): Promise<void> {
    this.app = undefined;
    await this.deps.secrets.delete(secretKeys.clientSecret(this.deps.tenantKey));
    await this.deps.secrets.delete(secretKeys.privateKey(this.deps.tenantKey));
    await this.deps.secrets.delete(secretKeys.tokenCache(this.deps.tenantKey, this.deps.clientId));
  }
}
