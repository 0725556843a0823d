/**
 * The fake Azure Resource Manager, as much of it as finding workspaces needs: the subscriptions a
 * caller has a role on (`GET /subscriptions`) and a subscription's Log Analytics workspaces
 * (`GET /subscriptions/{id}/providers/Microsoft.OperationalInsights/workspaces`). Access is Azure
 * RBAC, as in the service: an app needs no API permission, only a role (Reader) on the
 * subscription; a subscription without one is not listed, and its workspaces are refused with
 * AuthorizationFailed.
 */
import type * as http from 'http';
import { type Directory } from './directory';
import { type FaultInjector } from './faults';
import { type Res, sendJson } from './respond';
import { bearer, type TokenService } from './tokens';

class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ArmOptions {
  readonly now: () => number;
  readonly faults: FaultInjector;
}

export class ResourceManager {
  constructor(
    private readonly directory: Directory,
    private readonly tokens: TokenService,
    private readonly options: ArmOptions,
  ) {}

  async handle(req: http.IncomingMessage, res: Res, url: URL): Promise<boolean> {
    const list = url.pathname === '/subscriptions';
    const workspaces = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.OperationalInsights\/workspaces$/i.exec(url.pathname);
    if (!list && !workspaces) return false;
    try {
      if (req.method !== 'GET') throw new ArmError(405, 'MethodNotAllowed', 'The requested resource does not support this method.');
      if (!url.searchParams.get('api-version')) throw new ArmError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
      const { tenant, caller } = this.authorize(req);
      const fault = this.options.faults.next(url.pathname);
      if (fault === '429') throw new ArmError(429, 'TooManyRequests', 'The request was throttled.');
      if (fault === '500' || fault === '502' || fault === '503' || fault === '504') throw new ArmError(Number(fault), 'ServiceUnavailable', 'The service is temporarily unavailable.');
      const subscriptions = (tenant.subscriptions ?? []).filter((s) => s.readers.includes(caller));
      if (list) {
        sendJson(res, 200, { value: subscriptions.map((s) => ({ id: `/subscriptions/${s.id}`, subscriptionId: s.id, tenantId: tenant.id, displayName: s.displayName, state: 'Enabled' })), count: { type: 'Total', value: subscriptions.length } });
        return true;
      }
      const subscriptionId = decodeURIComponent(workspaces![1]).toLowerCase();
      if (!subscriptions.some((s) => s.id === subscriptionId)) {
        throw new ArmError(403, 'AuthorizationFailed', `The client '${caller}' with object id '${caller}' does not have authorization to perform action 'Microsoft.OperationalInsights/workspaces/read' over scope '/subscriptions/${subscriptionId.slice(0, 64)}' or the scope is invalid. If access was recently granted, please refresh your credentials.`);
      }
      const value = (tenant.workspaces ?? [])
        .filter((w) => w.subscriptionId === subscriptionId)
        .map((w) => ({
          properties: { customerId: w.id, provisioningState: 'Succeeded', sku: { name: 'PerGB2018' }, retentionInDays: w.retentionDays, publicNetworkAccessForQuery: 'Enabled', publicNetworkAccessForIngestion: 'Enabled' },
          id: `/subscriptions/${w.subscriptionId}/resourceGroups/${w.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${w.name}`,
          name: w.name,
          type: 'Microsoft.OperationalInsights/workspaces',
          location: w.location,
        }));
      sendJson(res, 200, { value });
    } catch (e) {
      if (!(e instanceof ArmError)) throw e;
      sendJson(res, e.status, { error: { code: e.code, message: e.message } }, e.status === 429 ? { 'Retry-After': '2' } : {});
    }
    return true;
  }

  private authorize(req: http.IncomingMessage) {
    const token = bearer(req.headers.authorization);
    if (!token) throw new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
    const verified = this.tokens.verify(token, this.options.now());
    if ('problem' in verified) throw new ArmError(401, 'InvalidAuthenticationToken', `The access token is invalid: ${verified.problem}`);
    const claims = verified.claims;
    const tenant = this.directory.tenantById(claims.tid);
    if (!tenant || this.directory.resourceKind(tenant, claims.aud) !== 'arm') throw new ArmError(401, 'InvalidAuthenticationTokenAudience', `The access token has been obtained for wrong audience or resource '${claims.aud}'. It should exactly match with one of the allowed audiences 'https://management.core.windows.net/','https://management.azure.com/'.`);
    const caller = claims.idtyp === 'app' ? claims.appid : (claims.oid ?? '');
    return { tenant, caller };
  }
}
