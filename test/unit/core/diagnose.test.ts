import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cloudById } from '../../../src/core/clouds';
import { decodeClaims, type TokenClaims } from '../../../src/core/diagnose/claims';
import { diagnose, summarize } from '../../../src/core/diagnose/classify';
import { ERROR_CATALOG } from '../../../src/core/diagnose/errors';
import { buildReport, escapeMarkdown, reportMarkdown } from '../../../src/core/diagnose/report';
import { NetworkFailureError } from '../../../src/core/http/networkFailure';
import { checkRequirement, REQUIREMENTS, type RequirementId } from '../../../src/core/diagnose/requirements';
import { ServiceError } from '../../../src/core/http/serviceError';

const jwt = (claims: Record<string, unknown>) => `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
const app = (roles: string[]) => decodeClaims(jwt({ tid: 't', aud: 'https://graph.microsoft.com', appid: 'a', roles, idtyp: 'app' }))!;
const user = (scp: string, wids: string[]) => decodeClaims(jwt({ tid: 't', aud: 'https://graph.microsoft.com', appid: 'a', scp, wids, upn: 'u@contoso.com', idtyp: 'user' }))!;
const SEC_ADMIN = '194ae4cb-b126-40b2-bd5b-6091b380977d';
const REPORTS_READER = '4a5d8f65-41da-4de4-8968-e035b65339cf';

describe('core/diagnose: token claims → what is missing', () => {
  const missing = (claims: TokenClaims, id: RequirementId) => {
    const c = checkRequirement(REQUIREMENTS.find((r) => r.id === id)!, claims);
    return { ok: c.ok, permissions: c.missingPermissions, role: c.missingRole, app: c.needsAppCredentials };
  };
  const table: [string, TokenClaims, RequirementId, { ok: boolean; permissions: string[]; role: boolean; app: boolean }][] = [
    ['full app, sign-ins', app(['AuditLog.Read.All', 'Directory.Read.All']), 'signIns', { ok: true, permissions: [], role: false, app: false }],
    ['no Directory.Read.All', app(['AuditLog.Read.All']), 'signIns', { ok: false, permissions: ['Directory.Read.All'], role: false, app: false }],
    ['nothing', app([]), 'signIns', { ok: false, permissions: ['AuditLog.Read.All', 'Directory.Read.All'], role: false, app: false }],
    ['CA via Policy.Read.ConditionalAccess', app(['Policy.Read.ConditionalAccess']), 'signInsCa', { ok: true, permissions: [], role: false, app: false }],
    ['no policy permission', app(['AuditLog.Read.All', 'Directory.Read.All']), 'signInsCa', { ok: false, permissions: ['Policy.Read.All'], role: false, app: false }],
    ['audits', app(['AuditLog.Read.All']), 'directoryAudits', { ok: true, permissions: [], role: false, app: false }],
    ['risk detections missing', app(['AuditLog.Read.All']), 'riskDetections', { ok: false, permissions: ['IdentityRiskEvent.Read.All'], role: false, app: false }],
    ['risky users via ReadWrite', app(['IdentityRiskyUser.ReadWrite.All']), 'riskyUsers', { ok: true, permissions: [], role: false, app: false }],
    ['triage needs ReadWrite', app(['IdentityRiskyUser.Read.All']), 'riskyUsersTriage', { ok: false, permissions: ['IdentityRiskyUser.ReadWrite.All'], role: false, app: false }],
    ['O365 ok', app(['ActivityFeed.Read']), 'office365', { ok: true, permissions: [], role: false, app: false }],
    ['O365 missing', app(['AuditLog.Read.All']), 'office365', { ok: false, permissions: ['ActivityFeed.Read'], role: false, app: false }],
    ['delegated reader', user('AuditLog.Read.All Directory.Read.All', [REPORTS_READER]), 'signIns', { ok: true, permissions: [], role: false, app: false }],
    ['delegated without role', user('AuditLog.Read.All Directory.Read.All', []), 'signIns', { ok: false, permissions: [], role: true, app: false }],
    ['delegated reader cannot triage', user('IdentityRiskyUser.ReadWrite.All', [REPORTS_READER]), 'riskyUsersTriage', { ok: false, permissions: [], role: true, app: false }],
    ['delegated security admin triages', user('IdentityRiskyUser.ReadWrite.All', [SEC_ADMIN]), 'riskyUsersTriage', { ok: true, permissions: [], role: false, app: false }],
    ['delegated CA visibility is by role', user('AuditLog.Read.All', [SEC_ADMIN]), 'signInsCa', { ok: true, permissions: [], role: false, app: false }],
    ['delegated O365 is app-only', user('AuditLog.Read.All', [SEC_ADMIN]), 'office365', { ok: false, permissions: [], role: false, app: true }],
  ];
  for (const [name, claims, id, expected] of table) {
    it(name, () => assert.deepStrictEqual(missing(claims, id), expected));
  }

  it('the report for an app missing Directory.Read.All and Policy.Read.All names both, with the consent link', () => {
    const report = buildReport({ tenantName: 'Contoso <b>', tenant: 'contoso.onmicrosoft.com', clientId: '00000000-0000-4000-8000-00000000000b', signInKind: 'clientSecret', cloud: cloudById('usGovHigh'), claims: app(['AuditLog.Read.All', 'IdentityRiskEvent.Read.All']) });
    const md = reportMarkdown(report);
    assert.match(md, /Sign-ins \| \*\*missing\*\* .*Directory\.Read\.All and admin consent/);
    assert.match(md, /Conditional access details on sign-ins \| \*\*missing\*\* .*Policy\.Read\.All/);
    assert.match(md, /Directory audits \| allowed/);
    assert.ok(md.includes('https://login.microsoftonline.us/contoso.onmicrosoft.com/adminconsent?client_id=00000000-0000-4000-8000-00000000000b'));
    assert.ok(!md.includes('<b>'), 'tenant names are escaped');
  });

  it('without a token (the network was unreachable) it says why and judges no permission', () => {
    const d = diagnose(new NetworkFailureError('login.microsoftonline.com', 'ENOTFOUND', 'getaddrinfo ENOTFOUND login.microsoftonline.com'));
    const report = buildReport({ tenantName: 'Contoso', tenant: 'contoso.onmicrosoft.com', clientId: '00000000-0000-4000-8000-00000000000b', signInKind: 'clientSecret', cloud: cloudById('global'), claims: undefined, tokenError: `${d.explanation!.title}: ${d.explanation!.message}`, tokenNextStep: d.explanation!.nextStep });
    assert.deepStrictEqual(report.checks, [], 'no report is marked missing');
    const md = reportMarkdown(report);
    assert.match(md, /No token could be obtained.*Host name not found .{0,3}login\.microsoftonline\.com/);
    assert.match(md, /Next step:.*proxy settings/);
    assert.match(md, /not checked/);
    assert.doesNotMatch(md, /missing|Grant the application permission|admin-consent link/);
  });

  it('the report has a line per workspace: allowed with its tables, or the permission or role to grant, names escaped', () => {
    const report = buildReport({
      tenantName: 'Contoso',
      tenant: 'contoso.onmicrosoft.com',
      clientId: '00000000-0000-4000-8000-00000000000b',
      signInKind: 'clientSecret',
      cloud: cloudById('global'),
      claims: app(['AuditLog.Read.All']),
      workspaces: [
        { name: 'sentinel', id: 'w1', dataRead: true, access: { ok: true, receiving: ['SigninLogs'] } },
        { name: 'no-data-read', id: 'w2', dataRead: false, access: { ok: false, code: 'InsufficientAccessError/MissingPermission', summary: 'Data.Read is missing.' } },
        { name: '[evil](command:x) <b>', id: 'w3', dataRead: true, access: { ok: false, code: 'InsufficientAccessError/AuthorizationFailed', summary: 'No role on the workspace.' } },
      ],
    });
    const md = reportMarkdown(report);
    assert.match(md, /## Log Analytics workspaces/);
    assert.match(md, /\| sentinel \(w1\) \| allowed \| SigninLogs \| Nothing to do\. \|/);
    assert.match(md, /\| no-data-read \(w2\) \| \*\*refused\*\* \| .*MissingPermission \| Grant the application permission Log Analytics API › Data\.Read and admin consent\. \|/);
    assert.match(md, /\*\*refused\*\* \| .*AuthorizationFailed \| On the workspace's Access control \(IAM\), assign Log Analytics Reader/);
    assert.ok(!md.includes('<b>') && !md.includes('](command:'), 'a workspace name cannot become a link or HTML');
  });

  it('escapes Markdown and HTML in outside text', () => {
    assert.strictEqual(escapeMarkdown('[x](javascript:alert(1)) <img> a|b'), '\\[x\\]\\(javascript:alert\\(1\\)\\) &#60;img&#62; a\\|b');
  });
});

describe('core/diagnose: every documented error code has a plain-language next step', () => {
  const facts = (() => {
    const p = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'reference', 'API-FACTS.md');
    return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
  })();

  const REQUIRED = [
    'BadRequest', 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', 'Authentication_MSGraphPermissionMissing', 'Authentication_ApplicationHasNoDirectoryReadAccess',
    'Authentication_ApplicationHasNoReadAuditLogDataAccess', 'Authorization_RequestDenied', 'ResourceNotFound', 'TooManyRequests',
    'AADSTS7000215', 'AADSTS7000222', 'AADSTS700016', 'AADSTS90002', 'AADSTS65001', 'AADSTS700027', 'AADSTS50020', 'AADSTS53003',
    'AF10001', 'AF20001', 'AF20002', 'AF20010', 'AF20011', 'AF20012', 'AF20013', 'AF20020', 'AF20022', 'AF20023', 'AF20024', 'AF20030', 'AF20031', 'AF20050', 'AF20051', 'AF20052', 'AF20055', 'AF429', 'AF50000',
    "msg:Failed to get user roles", 'msg:Failed to do premium license check', "msg:Neither tenant is B2C or tenant doesn't have premium license", "msg:User isn't in the allowed roles",
    "msg:Application missing Azure AD 'Read directory data' permission", "msg:Application missing Microsoft Graph API 'Read all audit log data' permission",
  ];
  it('covers the codes and troubleshooting messages of API-FACTS', () => {
    assert.deepStrictEqual(REQUIRED.filter((c) => !ERROR_CATALOG.has(c)), []);
    for (const c of REQUIRED) {
      const x = ERROR_CATALOG.get(c)!;
      assert.ok(x.message.length > 20 && x.nextStep.length > 10, c);
    }
  });

  it('covers every AF and AADSTS code that API-FACTS names', function () {
    if (!facts) this.skip();
    const af = new Set([...facts!.matchAll(/\bAF(\d{3,5})\b/g)].map((m) => `AF${m[1]}`));
    const aadsts = new Set([...facts!.matchAll(/^\s*- (\d{5,7}):/gm)].map((m) => `AADSTS${m[1]}`));
    assert.ok(af.size > 15 && aadsts.size >= 8);
    assert.deepStrictEqual([...af, ...aadsts].filter((c) => !ERROR_CATALOG.has(c)), []);
  });

  it('maps Graph troubleshooting text even under a generic code', () => {
    const e = new ServiceError('graph', 403, 'Authorization_RequestDenied', "Failed to do premium license check", 'req-1', 'client-1');
    assert.strictEqual(diagnose(e).code, 'Authorization_RequestDenied');
    const generic = new ServiceError('graph', 403, 'UnknownError', "Application missing Microsoft Graph API 'Read all audit log data' permission");
    assert.strictEqual(diagnose(generic).code, "msg:Application missing Microsoft Graph API 'Read all audit log data' permission");
    assert.match(summarize(diagnose(generic)), /AuditLog\.Read\.All/);
  });

  it('finds the AADSTS code inside an MSAL error and keeps the request ids of a Graph error', () => {
    const msal = { errorCode: 'invalid_client', errorMessage: 'AADSTS7000215: Invalid client secret provided. Trace ID: x', correlationId: 'corr' };
    assert.strictEqual(diagnose(msal).code, 'AADSTS7000215');
    const g = ServiceError.fromBody('graph', 403, { error: { code: 'Authentication_MSGraphPermissionMissing', message: 'Calling principal does not have required MSGraph permissions AuditLog.Read.All', innerError: { 'request-id': 'r1', 'client-request-id': 'c1', date: '2026-01-01T00:00:00' } } }, { get: () => null });
    const d = diagnose(g);
    assert.deepStrictEqual([d.code, d.requestId, d.clientRequestId, d.status], ['Authentication_MSGraphPermissionMissing', 'r1', 'c1', 403]);
  });

  it('treats connection failures as network errors', () => {
    assert.strictEqual(diagnose(Object.assign(new Error('request to https://graph.microsoft.com failed, reason: connect ECONNREFUSED'), { type: 'system', code: 'ECONNREFUSED' })).code, 'NetworkError');
  });
});
