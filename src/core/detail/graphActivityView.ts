/**
 * A Graph activity record's detail (a request made to Microsoft Graph, from a workspace's
 * MicrosoftGraphActivityLogs): what was asked and answered, by whom, with which token. Pure data;
 * the webview renders every value as text.
 */
import { graphActivityTitle } from '../logAnalytics/graphActivity';
import { formatTime } from '../query/rows';
import { fields, type RecordView, s, type Tone } from './recordView';


/** How the client proved who it is (the table's ClientAuthMethod). */
const CLIENT_AUTH: Readonly<Record<number, string>> = { 0: 'Public client (no credential)', 1: 'Client secret', 2: 'Client certificate' };

export function graphActivityView(r: Record<string, unknown>): RecordView {
  const code = typeof r.responseStatusCode === 'number' ? r.responseStatusCode : undefined;
  const tone: Tone = code === undefined ? 'neutral' : code < 300 ? 'success' : code === 429 || code >= 500 ? 'warning' : code >= 400 ? 'failure' : 'neutral';
  const delegated = s(r.userId) !== '';
  return {
    kind: 'graphActivity',
    title: graphActivityTitle(r, false),
    badge: code === undefined ? undefined : { text: `HTTP ${code}`, tone },
    subtitle: `${formatTime(r.activityDateTime)} · ${delegated ? 'on behalf of a user' : 'as an application'} · ${s(r.ipAddress)}`,
    sections: [
      {
        kind: 'fields',
        heading: 'Request',
        fields: fields([
          { label: 'Method', value: s(r.requestMethod) },
          { label: 'Request URI', value: s(r.requestUri), copy: true },
          { label: 'API version', value: s(r.apiVersion) },
          { label: 'Response status', value: code === undefined ? '' : String(code) },
          { label: 'Duration', value: typeof r.durationMs === 'number' ? `${r.durationMs} ms` : '' },
          { label: 'Response size', value: typeof r.responseSizeBytes === 'number' ? `${r.responseSizeBytes.toLocaleString('en-US')} bytes` : '' },
          { label: 'IP address', value: s(r.ipAddress), copy: true },
          { label: 'User agent', value: s(r.userAgent) },
          { label: 'Served in', value: s(r.region) },
        ]),
      },
      {
        kind: 'fields',
        heading: 'Caller and token',
        fields: fields([
          { label: 'User id', value: s(r.userId), copy: true },
          { label: 'Application (client) id', value: s(r.appId), copy: true },
          { label: 'Service principal id', value: s(r.servicePrincipalId), copy: true },
          { label: 'Token (sign-in’s unique token identifier)', value: s(r.signInActivityId), copy: true },
          { label: 'Token issued', value: r.tokenIssuedAt ? formatTime(r.tokenIssuedAt) : '' },
          { label: 'Scopes (delegated)', value: s(r.scopes) },
          { label: 'Roles (application)', value: s(r.roles) },
          { label: 'Directory roles (wids)', value: s(r.wids) },
          { label: 'Client authentication', value: typeof r.clientAuthMethod === 'number' ? (CLIENT_AUTH[r.clientAuthMethod] ?? String(r.clientAuthMethod)) : '' },
          { label: 'Device id', value: s(r.deviceId), copy: true },
          { label: 'Identity provider', value: s(r.identityProvider) },
        ]),
      },
      {
        kind: 'fields',
        heading: 'Identifiers',
        fields: fields([
          { label: 'Request id', value: s(r.requestId), copy: true },
          { label: 'Operation id (a batch shares one)', value: s(r.operationId), copy: true },
          { label: 'Client request id', value: s(r.clientRequestId), copy: true },
        ]),
      },
    ],
  };
}
