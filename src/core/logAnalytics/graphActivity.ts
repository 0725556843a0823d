/**
 * Microsoft Graph activity (the MicrosoftGraphActivityLogs table, API-FACTS 8): every request made
 * to Graph in the tenant, with the token's sign-in (SignInActivityId is that sign-in's
 * uniqueTokenIdentifier). No Graph report serves it, only a workspace: this is the report its
 * rows are shown, filtered and opened by. Its record keeps the table's values under camelCase
 * names, like every other report's (toGraph.ts shapes it).
 */
import { type ColumnSpec, type FilterSpec } from '../catalog/types';
import { col, EQ, en, f, guid, str, str_ } from '../catalog/specBuilders';

export const GRAPH_ACTIVITY_LABEL = 'Graph activity';

/** The request methods Graph's activity log records. */
const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

export const GRAPH_ACTIVITY_FILTER: FilterSpec = {
  id: 'graphActivity',
  label: GRAPH_ACTIVITY_LABEL,
  fields: [
    f('signInActivityId', 'Token (the sign-in’s unique token identifier)', str, EQ),
    f('userId', 'User (object id)', guid, EQ),
    f('appId', 'Application (client) id', guid, EQ),
    f('servicePrincipalId', 'Service principal id', guid, EQ),
    f('ipAddress', 'IP address', { type: 'ip' }, ['eq', 'startswith']),
    f('requestMethod', 'Method', en(METHODS), EQ),
    f('requestUri', 'Request URI', str, ['startswith', 'contains']),
    f('responseStatusCode', 'Response status', { type: 'int' }, ['eq', 'ge', 'lt']),
    f('requestId', 'Request id', str, EQ),
  ],
  lambdas: [],
};

export const GRAPH_ACTIVITY_COLUMNS: readonly ColumnSpec[] = [
  col('activityDateTime', 'Time', 'activityDateTime', 170, 'datetime'),
  col('requestMethod', 'Method', 'requestMethod', 80),
  col('requestUri', 'Request', 'requestUri', 420),
  col('responseStatusCode', 'Status', 'responseStatusCode', 80, 'number'),
  col('ipAddress', 'IP address', 'ipAddress', 140),
  col('appId', 'App id', 'appId', 280),
  col('userId', 'User id', 'userId', 280),
  col('servicePrincipalId', 'Service principal id', 'servicePrincipalId', 280),
  col('signInActivityId', 'Token', 'signInActivityId', 200),
  col('scopes', 'Scopes', 'scopes', 240),
  col('roles', 'Roles', 'roles', 240),
  col('userAgent', 'User agent', 'userAgent', 240),
  col('durationMs', 'Duration (ms)', 'durationMs', 110, 'number'),
  col('responseSizeBytes', 'Response bytes', 'responseSizeBytes', 120, 'number'),
  col('requestId', 'Request id', 'requestId', 280),
];

export const GRAPH_ACTIVITY_DEFAULT_COLUMNS: readonly string[] = ['activityDateTime', 'requestMethod', 'requestUri', 'responseStatusCode', 'ipAddress', 'appId', 'userId', 'signInActivityId'];

export const GRAPH_ACTIVITY_FACETS: readonly string[] = ['requestMethod', 'responseStatusCode', 'ipAddress', 'appId', 'userId'];

/** "GET /v1.0/me/messages → 200": the request without its host, which every row shares (the status left to a badge where one shows it). */
export function graphActivityTitle(r: Record<string, unknown>, withStatus = true): string {
  const uri = str_(r.requestUri);
  let path = uri;
  try {
    const u = new URL(uri);
    path = `${u.pathname}${u.search}`;
  } catch {
    // Not a URL: shown as sent.
  }
  const status = withStatus && typeof r.responseStatusCode === 'number' ? ` → ${r.responseStatusCode}` : '';
  return `${str_(r.requestMethod) || 'Request'} ${path.slice(0, 200)}${status}`;
}
