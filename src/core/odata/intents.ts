/** The common questions, one click each: they add clauses or client-side filters to a model. */
import { type CategoryId } from '../catalog/types';
import { type Clause, type ClientFilter, type FilterModel } from './model';

export interface Intent {
  readonly id: string;
  readonly label: string;
  /** Categories the intent applies to. */
  readonly categories: readonly CategoryId[];
  /** What the user must type, if anything. */
  readonly ask?: { readonly prompt: string; readonly placeholder: string };
  apply(model: FilterModel, value?: string): FilterModel;
}

const SIGN_INS: readonly CategoryId[] = ['signIns.interactive', 'signIns.nonInteractive', 'signIns.servicePrincipal', 'signIns.managedIdentity'];
const USER_SIGN_INS: readonly CategoryId[] = ['signIns.interactive', 'signIns.nonInteractive'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const withClause = (model: FilterModel, clause: Clause): FilterModel => ({ ...model, clauses: [...model.clauses.filter((c) => c.field !== clause.field), clause] });
/** Replaces a filter of the same kind (a field filter: of the same column). */
const withClient = (model: FilterModel, filter: ClientFilter): FilterModel => ({
  ...model,
  client: [...model.client.filter((c) => c.kind !== filter.kind || (c.kind === 'field' && filter.kind === 'field' && c.column !== filter.column)), filter],
});
/** A beta field Graph cannot filter on, kept from the loaded rows (the grid's column of that field). */
const field = (column: string, label: string, values: readonly string[]): ClientFilter => ({ kind: 'field', column, label, values });

export const INTENTS: readonly Intent[] = [
  {
    id: 'failures',
    label: 'Failures only',
    categories: SIGN_INS,
    // Graph filters status/errorCode with eq only (no ne), so failures are picked from the loaded rows.
    apply: (m) => withClient(m, { kind: 'failuresOnly' }),
  },
  {
    id: 'errorCode',
    label: 'One error code…',
    categories: SIGN_INS,
    ask: { prompt: 'AADSTS error code', placeholder: '50126' },
    apply: (m, v) => withClause(m, { field: 'status/errorCode', op: 'eq', values: [Number(String(v).replace(/^AADSTS/i, ''))] }),
  },
  {
    id: 'user',
    label: 'One user…',
    categories: [...USER_SIGN_INS, 'riskDetections', 'riskyUsers'],
    ask: { prompt: 'User principal name or object id', placeholder: 'alice@contoso.com' },
    apply: (m, v = '') => (GUID.test(v.trim()) ? withClause(m, { field: 'userId', op: 'eq', values: [v.trim()] }) : withClause(m, { field: 'userPrincipalName', op: v.includes('@') ? 'eq' : 'startswith', values: [v.trim()] })),
  },
  {
    id: 'app',
    label: 'One application…',
    categories: SIGN_INS,
    ask: { prompt: 'Application name or application (client) id', placeholder: 'Microsoft Teams' },
    apply: (m, v = '') => (GUID.test(v.trim()) ? withClause(m, { field: 'appId', op: 'eq', values: [v.trim()] }) : withClause(m, { field: 'appDisplayName', op: 'eq', values: [v.trim()] })),
  },
  {
    id: 'ip',
    label: 'IP address…',
    categories: [...SIGN_INS, 'graphActivity'],
    ask: { prompt: 'IP address, or the start of one', placeholder: '185.220.' },
    apply: (m, v = '') => {
      const ip = v.trim();
      // A whole IPv4 address is compared exactly; a start of one, or IPv6, as a prefix.
      return withClause(m, { field: 'ipAddress', op: /^[\d.]+$/.test(ip) && ip.split('.').length === 4 && !ip.endsWith('.') ? 'eq' : 'startswith', values: [ip] });
    },
  },
  {
    id: 'country',
    label: 'Country or region…',
    categories: SIGN_INS,
    ask: { prompt: 'Two-letter country or region code', placeholder: 'US' },
    apply: (m, v = '') => withClause(m, { field: 'location/countryOrRegion', op: 'eq', values: [v.trim().toUpperCase()] }),
  },
  {
    id: 'passwordFailures',
    label: 'Wrong password or locked out (50126, 50053): password spray',
    categories: USER_SIGN_INS,
    apply: (m) => withClause(m, { field: 'status/errorCode', op: 'eq', values: [50126, 50053] }),
  },
  {
    id: 'mfaDenied',
    label: 'MFA denied or timed out (500121): MFA fatigue',
    categories: USER_SIGN_INS,
    apply: (m) => withClause(m, { field: 'status/errorCode', op: 'eq', values: [500121] }),
  },
  {
    id: 'deviceCode',
    label: 'Device code sign-ins',
    categories: USER_SIGN_INS,
    apply: (m) => withClient(m, field('authenticationProtocol', 'Protocol', ['deviceCode'])),
  },
  {
    id: 'transferred',
    label: 'Transferred sign-ins (device code flow, authentication transfer)',
    categories: USER_SIGN_INS,
    apply: (m) => withClient(m, field('originalTransferMethod', 'Transfer method', ['deviceCodeFlow', 'authenticationTransfer'])),
  },
  {
    id: 'ropc',
    label: 'Password grant (ROPC) sign-ins',
    categories: USER_SIGN_INS,
    apply: (m) => withClient(m, field('authenticationProtocol', 'Protocol', ['ropc'])),
  },
  {
    id: 'refreshToken',
    label: 'Refresh tokens redeemed',
    categories: USER_SIGN_INS,
    apply: (m) => withClient(m, field('incomingTokenType', 'Incoming token', ['refreshToken', 'primaryRefreshToken'])),
  },
  {
    id: 'unboundToken',
    label: 'Sign-ins with an unbound token',
    categories: USER_SIGN_INS,
    apply: (m) => withClient(m, field('tokenProtection', 'Token protection', ['unbound'])),
  },
  {
    id: 'session',
    label: 'One session…',
    categories: USER_SIGN_INS,
    ask: { prompt: 'Session id (a GUID, from a sign-in’s Token and session details)', placeholder: '00000000-0000-0000-0000-000000000000' },
    apply: (m, v = '') => withClient(m, field('sessionId', 'Session id', [v.trim().toLowerCase()])),
  },
  {
    id: 'asn',
    label: 'One network (autonomous system number)…',
    categories: SIGN_INS,
    ask: { prompt: 'Autonomous system number', placeholder: '64500' },
    apply: (m, v = '') => withClient(m, field('autonomousSystemNumber', 'ASN', [v.trim().replace(/^AS/i, '')])),
  },
  {
    id: 'caFailure',
    label: 'Blocked by conditional access',
    categories: USER_SIGN_INS,
    apply: (m) => withClause(m, { field: 'conditionalAccessStatus', op: 'eq', values: ['failure'] }),
  },
  {
    id: 'riskHigh',
    label: 'High risk during sign-in',
    categories: USER_SIGN_INS,
    apply: (m) => withClause(m, { field: 'riskLevelDuringSignIn', op: 'eq', values: ['high'] }),
  },
  {
    id: 'atRisk',
    label: 'Users at risk',
    categories: ['riskyUsers'],
    apply: (m) => withClause(m, { field: 'riskState', op: 'eq', values: ['atRisk'] }),
  },
  {
    id: 'correlation',
    label: 'Correlation id…',
    categories: [...SIGN_INS, 'directoryAudits', 'riskDetections'],
    ask: { prompt: 'Correlation id (a GUID)', placeholder: '00000000-0000-0000-0000-000000000000' },
    apply: (m, v = '') => withClause(m, { field: 'correlationId', op: 'eq', values: [v.trim()] }),
  },
  {
    id: 'offline',
    label: 'Offline detections',
    categories: ['riskDetections'],
    apply: (m) => withClause(m, { field: 'detectionTimingType', op: 'eq', values: ['offline'] }),
  },
  {
    id: 'mfaRemediated',
    label: 'Passed MFA driven by risk-based policy',
    categories: ['riskyUsers'],
    apply: (m) => withClause(m, { field: 'riskDetail', op: 'eq', values: ['userPassedMFADrivenByRiskBasedPolicy'] }),
  },
  // Graph activity (a workspace's MicrosoftGraphActivityLogs): what a stolen token was used for.
  {
    id: 'graphToken',
    label: 'One token (a sign-in’s unique token identifier)…',
    categories: ['graphActivity'],
    ask: { prompt: 'The sign-in’s uniqueTokenIdentifier (Token and session, in its detail)', placeholder: 'a1B2c3D4e5F6g7H8i9J0kL' },
    apply: (m, v = '') => withClause(m, { field: 'signInActivityId', op: 'eq', values: [v.trim()] }),
  },
  {
    id: 'graphUser',
    label: 'One user (object id)…',
    categories: ['graphActivity'],
    ask: { prompt: 'The user’s object id (the table names users by id only)', placeholder: '00000000-0000-0000-0000-000000000000' },
    apply: (m, v = '') => withClause(m, { field: 'userId', op: 'eq', values: [v.trim()] }),
  },
  {
    id: 'graphWrites',
    label: 'Changes only (POST, PATCH, PUT, DELETE)',
    categories: ['graphActivity'],
    apply: (m) => withClause(m, { field: 'requestMethod', op: 'eq', values: ['POST', 'PATCH', 'PUT', 'DELETE'] }),
  },
  {
    id: 'graphRefused',
    label: 'Refused or failed requests (status 400 or above)',
    categories: ['graphActivity'],
    apply: (m) => withClause(m, { field: 'responseStatusCode', op: 'ge', values: [400] }),
  },
];

export function intentsFor(category: CategoryId): Intent[] {
  return INTENTS.filter((i) => i.categories.includes(category));
}
