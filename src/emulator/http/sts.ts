/**
 * The fake Entra ID token service: discovery, device code (with an approve endpoint for tests),
 * client credentials with a secret or a certificate assertion, and refresh tokens. Enough for
 * unmodified MSAL Node; errors carry the AADSTS codes of API-FACTS 4.
 */
import * as crypto from 'crypto';
import type * as http from 'http';
import { type AppConfig, type TenantConfig, type UserConfig } from '../config';
import { type AppCertificate } from '../pki';
import { type Directory, rolesFor } from './directory';
import { readBody, type Res, sendJson, stsError } from './respond';
import { checkAssertion, instanceDiscovery, openIdConfiguration, resolveScope } from './stsDocuments';
import { ROLE_TEMPLATE_IDS, type TokenService } from './tokens';

export interface StsOptions {
  readonly origin: () => string;
  readonly now: () => number;
  readonly deviceCodeIntervalSeconds: number;
  readonly deviceCodeLifetimeSeconds: number;
  readonly certificates: ReadonlyMap<string, AppCertificate>;
}

interface DeviceCodeState {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly tenant: TenantConfig;
  readonly app: AppConfig;
  readonly scope: string;
  readonly expiresAtMs: number;
  status: 'pending' | 'approved' | 'declined';
  user?: UserConfig;
}

interface RefreshState {
  readonly tenant: TenantConfig;
  readonly app: AppConfig;
  readonly user: UserConfig;
}

const USER_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export class Sts {
  private readonly deviceCodes = new Map<string, DeviceCodeState>();
  private readonly refreshTokens = new Map<string, RefreshState>();
  /** Counts of token requests by grant type, for tests that check caching. */
  readonly tokenRequests = new Map<string, number>();
  /** Every credential issued or received (tokens, codes, secrets, assertions): what must never reach a log. */
  readonly credentials = new Set<string>();

  private remember(...values: (string | null | undefined)[]): void {
    for (const v of values) if (v) this.credentials.add(v);
  }

  constructor(
    private readonly directory: Directory,
    private readonly tokens: TokenService,
    private readonly options: StsOptions,
  ) {}

  /** Handles the request if it is an STS route; returns false otherwise. */
  async handle(req: http.IncomingMessage, res: Res, url: URL): Promise<boolean> {
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method === 'GET' && parts[0] === 'common' && parts[1] === 'discovery' && parts[2] === 'instance') {
      instanceDiscovery(res, url, this.options.origin());
      return true;
    }
    if (parts.length < 2) return false;
    const tenantSegment = decodeURIComponent(parts[0]);
    const rest = parts.slice(1).join('/');
    if (req.method === 'GET' && rest === 'v2.0/.well-known/openid-configuration') return this.withTenant(res, tenantSegment, (t) => openIdConfiguration(res, t, tenantSegment, this.options.origin()));
    if (req.method === 'GET' && rest === 'discovery/v2.0/keys') return this.withTenant(res, tenantSegment, () => sendJson(res, 200, { keys: [] }));
    if (req.method === 'POST' && rest === 'oauth2/v2.0/devicecode') {
      const form = new URLSearchParams(await readBody(req));
      return this.withTenant(res, tenantSegment, (t) => this.deviceCode(res, t, form));
    }
    if (req.method === 'POST' && rest === 'oauth2/v2.0/token') {
      const form = new URLSearchParams(await readBody(req));
      return this.withTenant(res, tenantSegment, (t) => this.token(res, t, tenantSegment, form));
    }
    return false;
  }

  private withTenant(res: Res, segment: string, fn: (t: TenantConfig) => void): true {
    const tenant = this.directory.tenant(segment);
    if (!tenant) {
      stsError(res, { status: 400, error: 'invalid_request', code: 90002, description: `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.` });
    } else fn(tenant);
    return true;
  }

  private findApp(res: Res, tenant: TenantConfig, clientId: string | null): AppConfig | undefined {
    const app = clientId ? this.directory.app(tenant, clientId) : undefined;
    if (!app) {
      stsError(res, {
        status: 400,
        error: 'unauthorized_client',
        code: 700016,
        description: `Application with identifier '${clientId ?? ''}' was not found in the directory '${tenant.domain}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      });
      return undefined;
    }
    return app;
  }

  private deviceCode(res: Res, tenant: TenantConfig, form: URLSearchParams): void {
    const app = this.findApp(res, tenant, form.get('client_id'));
    if (!app) return;
    if (!app.publicClient) {
      stsError(res, { status: 400, error: 'invalid_client', code: 7000218, description: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'. Enable 'Allow public client flows' for device code sign-in." });
      return;
    }
    const userCode = Array.from(crypto.randomBytes(9), (b) => USER_CODE_ALPHABET[b % USER_CODE_ALPHABET.length]).join('');
    const deviceCode = crypto.randomBytes(32).toString('base64url');
    const state: DeviceCodeState = {
      deviceCode,
      userCode,
      tenant,
      app,
      scope: form.get('scope') ?? '',
      expiresAtMs: this.options.now() + this.options.deviceCodeLifetimeSeconds * 1000,
      status: 'pending',
    };
    this.deviceCodes.set(deviceCode, state);
    this.remember(deviceCode, userCode);
    const verificationUri = `${this.options.origin()}/devicelogin`;
    sendJson(res, 200, {
      user_code: userCode,
      device_code: deviceCode,
      verification_uri: verificationUri,
      expires_in: this.options.deviceCodeLifetimeSeconds,
      interval: this.options.deviceCodeIntervalSeconds,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
    });
  }

  /** The emulator-only approve (or decline) step that a person does in the browser. */
  approveDeviceCode(userCode: string, userIdOrUpn: string | undefined, decline: boolean): { ok: true } | { ok: false; reason: string } {
    const state = [...this.deviceCodes.values()].find((s) => s.userCode === userCode.replace(/[\s-]/g, '').toUpperCase());
    if (!state) return { ok: false, reason: 'unknown user code' };
    if (state.status !== 'pending') return { ok: false, reason: `code already ${state.status}` };
    if (decline) {
      state.status = 'declined';
      return { ok: true };
    }
    const user = userIdOrUpn ? this.directory.user(state.tenant, userIdOrUpn) : state.tenant.users[0];
    if (!user) return { ok: false, reason: `no user ${userIdOrUpn} in ${state.tenant.domain}` };
    state.user = user;
    state.status = 'approved';
    return { ok: true };
  }

  pendingDeviceCodes(): { userCode: string; tenant: string; clientId: string }[] {
    return [...this.deviceCodes.values()].filter((s) => s.status === 'pending').map((s) => ({ userCode: s.userCode, tenant: s.tenant.id, clientId: s.app.clientId }));
  }

  private count(grant: string): void {
    this.tokenRequests.set(grant, (this.tokenRequests.get(grant) ?? 0) + 1);
  }

  private token(res: Res, tenant: TenantConfig, segment: string, form: URLSearchParams): void {
    const grant = form.get('grant_type') ?? '';
    this.count(grant);
    this.remember(form.get('client_secret'), form.get('client_assertion'), form.get('refresh_token'), form.get('device_code'));
    // MSAL sends the short form; the RFC 8628 URN is accepted too, as Entra ID does.
    if (grant === 'device_code' || grant === 'urn:ietf:params:oauth:grant-type:device_code') return this.deviceCodeToken(res, tenant, form);
    if (grant === 'client_credentials') return this.clientCredentials(res, tenant, segment, form);
    if (grant === 'refresh_token') return this.refreshToken(res, tenant, form);
    stsError(res, { status: 400, error: 'unsupported_grant_type', code: 70003, description: `The app requested an unsupported grant type '${grant}'.` });
  }

  private deviceCodeToken(res: Res, tenant: TenantConfig, form: URLSearchParams): void {
    const state = this.deviceCodes.get(form.get('device_code') ?? '');
    if (!state || state.tenant !== tenant) {
      stsError(res, { status: 400, error: 'bad_verification_code', code: 70019, description: 'Verification code was not recognized.' });
      return;
    }
    if (this.options.now() > state.expiresAtMs) {
      stsError(res, { status: 400, error: 'expired_token', code: 70020, description: 'The provided value for the input parameter \'device_code\' is not valid. This device code has expired.' });
      return;
    }
    if (state.status === 'pending') {
      stsError(res, { status: 400, error: 'authorization_pending', code: 70016, description: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.' });
      return;
    }
    if (state.status === 'declined') {
      this.deviceCodes.delete(state.deviceCode);
      stsError(res, { status: 400, error: 'authorization_declined', code: 70000, description: 'The user declined the sign-in request.' });
      return;
    }
    this.deviceCodes.delete(state.deviceCode);
    this.delegatedTokens(res, tenant, state.app, state.user as UserConfig, state.scope);
  }

  private refreshToken(res: Res, tenant: TenantConfig, form: URLSearchParams): void {
    const rt = form.get('refresh_token') ?? '';
    const state = this.refreshTokens.get(rt);
    if (!state || state.tenant !== tenant || state.app.clientId !== (form.get('client_id') ?? '').toLowerCase()) {
      stsError(res, { status: 400, error: 'invalid_grant', code: 9002313, description: 'Invalid request. Request is malformed or invalid.' });
      return;
    }
    this.refreshTokens.delete(rt);
    this.delegatedTokens(res, tenant, state.app, state.user, form.get('scope') ?? '');
  }

  /** Splits "https://graph.microsoft.com/.default offline_access" into a resource and its scopes. */
  private delegatedTokens(res: Res, tenant: TenantConfig, app: AppConfig, user: UserConfig, scope: string): void {
    const resolved = resolveScope(this.directory, res, tenant, scope || 'https://graph.microsoft.com/.default');
    if (!resolved) return;
    if (!app.consented) {
      stsError(res, { status: 400, error: 'invalid_grant', code: 65001, description: `The user or administrator has not consented to use the application with ID '${app.clientId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.` });
      return;
    }
    const consented = rolesFor(resolved.kind, app.scopes.filter((s) => s !== 'offline_access'));
    const granted = resolved.scopes.includes('.default') ? consented : resolved.scopes.filter((s) => consented.includes(s));
    const now = this.options.now();
    const { token, expiresIn } = this.tokens.issue(
      {
        aud: resolved.resource,
        iss: `https://sts.windows.net/${tenant.id}/`,
        tid: tenant.id,
        appid: app.clientId,
        azp: app.clientId,
        scp: granted.join(' '),
        oid: user.id,
        upn: user.userPrincipalName,
        wids: user.roles.map((r) => ROLE_TEMPLATE_IDS[r]).filter(Boolean),
        idtyp: 'user',
      },
      now,
    );
    const refresh = crypto.randomBytes(48).toString('base64url');
    this.refreshTokens.set(refresh, { tenant, app, user });
    const nowS = Math.floor(now / 1000);
    const idToken = [
      Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'none' })).toString('base64url'),
      Buffer.from(
        JSON.stringify({ aud: app.clientId, iss: `${this.options.origin()}/${tenant.id}/v2.0`, iat: nowS, nbf: nowS, exp: nowS + 3600, name: user.displayName, oid: user.id, preferred_username: user.userPrincipalName, sub: crypto.createHash('sha256').update(user.id + app.clientId).digest('base64url'), tid: tenant.id, ver: '2.0' }),
      ).toString('base64url'),
      '',
    ].join('.');
    this.remember(token, refresh, idToken);
    sendJson(res, 200, {
      token_type: 'Bearer',
      scope: granted.map((s) => `${resolved.resource}/${s}`).concat(['openid', 'profile', 'offline_access']).join(' '),
      expires_in: expiresIn,
      ext_expires_in: expiresIn,
      access_token: token,
      refresh_token: refresh,
      id_token: idToken,
      client_info: Buffer.from(JSON.stringify({ uid: user.id, utid: tenant.id })).toString('base64url'),
    });
  }

  private clientCredentials(res: Res, tenant: TenantConfig, segment: string, form: URLSearchParams): void {
    const app = this.findApp(res, tenant, form.get('client_id'));
    if (!app) return;
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret !== null) {
      if (!app.secrets.includes(secret)) {
        stsError(res, { status: 401, error: 'invalid_client', code: 7000215, description: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.` });
        return;
      }
    } else if (assertion !== null) {
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
        stsError(res, { status: 400, error: 'invalid_request', code: 900023, description: "Specified client_assertion_type is not supported." });
        return;
      }
      const problem = checkAssertion(tenant, segment, app, assertion, { origin: this.options.origin(), nowMs: this.options.now(), certificates: this.options.certificates });
      if (problem) {
        stsError(res, problem);
        return;
      }
    } else {
      stsError(res, { status: 400, error: 'invalid_client', code: 7000218, description: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'." });
      return;
    }
    const resolved = resolveScope(this.directory, res, tenant, form.get('scope') ?? '');
    if (!resolved) return;
    if (!resolved.scopes.every((s) => s === '.default')) {
      stsError(res, { status: 400, error: 'invalid_scope', code: 1002012, description: `The provided value for scope ${form.get('scope')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).` });
      return;
    }
    if (!app.consented) {
      stsError(res, { status: 400, error: 'invalid_grant', code: 65001, description: `The user or administrator has not consented to use the application with ID '${app.clientId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource, or grant admin consent.` });
      return;
    }
    const { token, expiresIn } = this.tokens.issue(
      { aud: resolved.resource, iss: `https://sts.windows.net/${tenant.id}/`, tid: tenant.id, appid: app.clientId, azp: app.clientId, roles: rolesFor(resolved.kind, app.roles), oid: crypto.createHash('md5').update(app.clientId).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'), idtyp: 'app' },
      this.options.now(),
    );
    this.remember(token);
    sendJson(res, 200, { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token });
  }
}
