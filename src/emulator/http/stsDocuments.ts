/** The token service's documents and checks that keep no state: discovery, OpenID configuration, scopes, client assertions. */
import { type AppConfig, type TenantConfig } from '../config';
import { decodeJwt, verifySignature } from '../jwt';
import { type AppCertificate } from '../pki';
import { type Directory, type ResourceKind } from './directory';
import { type Res, sendJson, stsError } from './respond';

/** MSAL's instance discovery: this host is its own authority. */
export function instanceDiscovery(res: Res, url: URL, origin: string): void {
  const host = new URL(origin).host;
  sendJson(res, 200, {
    tenant_discovery_endpoint: `${origin}/${url.searchParams.get('tenant') ?? 'common'}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  });
}

/** The tenant's OpenID configuration, with every endpoint on this host. */
export function openIdConfiguration(res: Res, tenant: TenantConfig, segment: string, origin: string): void {
  const base = `${origin}/${segment}`;
  sendJson(res, 200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${origin}/${tenant.id}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${origin}/${tenant.id}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    tenant_region_scope: 'NA',
    cloud_instance_name: new URL(origin).host,
  });
}

/**
 * Checks a client assertion as Entra ID does: a JWT signed by a certificate registered on the app,
 * for this token endpoint, issued by the app itself, within its lifetime (5 minutes of skew).
 */
export function checkAssertion(tenant: TenantConfig, segment: string, app: AppConfig, assertion: string, options: { origin: string; nowMs: number; certificates: ReadonlyMap<string, AppCertificate> }): Parameters<typeof stsError>[1] | undefined {
  const jwt = decodeJwt(assertion);
  if (!jwt) return { status: 400, error: 'invalid_request', code: 50027, description: 'JWT token is invalid or malformed.' };
  const cert = options.certificates.get(app.clientId);
  const headerS256 = jwt.header['x5t#S256'];
  const headerS1 = jwt.header.x5t;
  if (!cert || (headerS256 !== cert.x5tS256 && headerS1 !== cert.x5t)) {
    return { status: 401, error: 'invalid_client', code: 700027, description: `Client assertion failed signature validation. The certificate with thumbprint '${String(headerS256 ?? headerS1 ?? '')}' is not registered on application '${app.clientId}'.` };
  }
  if (!verifySignature(jwt, cert.publicKey)) return { status: 401, error: 'invalid_client', code: 700027, description: 'Client assertion failed signature validation.' };
  const c = jwt.claims;
  const audiences = [tenant.id, tenant.domain, segment].map((t) => `${options.origin}/${t}/oauth2/v2.0/token`);
  if (typeof c.aud !== 'string' || !audiences.includes(c.aud)) return { status: 400, error: 'invalid_client', code: 700212, description: `The audience claim '${String(c.aud)}' of the client assertion is not the token endpoint.` };
  if (c.iss !== app.clientId || c.sub !== app.clientId) return { status: 400, error: 'invalid_client', code: 700023, description: 'The client assertion\'s iss and sub must both be the client id.' };
  const now = Math.floor(options.nowMs / 1000);
  if (typeof c.exp !== 'number' || c.exp < now - 300 || (typeof c.nbf === 'number' && c.nbf > now + 300)) {
    return { status: 400, error: 'invalid_client', code: 700024, description: 'Client assertion is not within its valid time range.' };
  }
  return undefined;
}

/** What a requested scope asks for: which resource, and its scopes; AADSTS errors for the ones Entra refuses. */
export function resolveScope(directory: Directory, res: Res, tenant: TenantConfig, scope: string): { kind: ResourceKind; resource: string; scopes: string[] } | undefined {
  const items = scope.split(/\s+/).filter((s) => s && !['openid', 'profile', 'offline_access', 'email'].includes(s));
  let resource: string | undefined;
  const names: string[] = [];
  for (const s of items) {
    const m = /^(https:\/\/[^/]+|[0-9a-f-]{36})\/(.+)$/i.exec(s);
    const r = m ? m[1] : 'https://graph.microsoft.com';
    const name = m ? m[2] : s;
    if (resource && resource.toLowerCase() !== r.toLowerCase()) {
      stsError(res, { status: 400, error: 'invalid_scope', code: 28000, description: 'Provided value for the input parameter scope is not valid because it contains more than one resource.' });
      return undefined;
    }
    resource = r;
    names.push(name);
  }
  if (!resource) {
    stsError(res, { status: 400, error: 'invalid_scope', code: 70011, description: `The provided value for the input parameter 'scope' is not valid: '${scope}'.` });
    return undefined;
  }
  const kind = directory.resourceKind(tenant, resource);
  if (!kind) {
    stsError(res, { status: 400, error: 'invalid_resource', code: 500011, description: `The resource principal named ${resource} was not found in the tenant named ${tenant.domain}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant, or if you signed in to the wrong cloud.` });
    return undefined;
  }
  return { kind, resource: resource.replace(/\/+$/, ''), scopes: names };
}
