/**
 * One mapping from every Graph, AADSTS and AF error code the services send (API-FACTS 2, 3, 4) to
 * plain language and a next step. Every place that shows an error uses it.
 */

export type WalkthroughStep = 'tryDemo' | 'registerApp' | 'addPermissions' | 'grantConsent' | 'chooseCredential' | 'rolesAndLicense' | 'addTenant' | 'addWorkspace';

export interface ErrorExplanation {
  readonly code: string;
  readonly title: string;
  /** What happened, in plain language. */
  readonly message: string;
  /** What to do about it. */
  readonly nextStep: string;
  readonly walkthroughStep?: WalkthroughStep;
  /** Worth retrying as is (throttling, service hiccups). */
  readonly transient?: boolean;
}

const e = (code: string, title: string, message: string, nextStep: string, walkthroughStep?: WalkthroughStep, transient?: boolean): ErrorExplanation => ({ code, title, message, nextStep, walkthroughStep, transient });

const ENTRIES: ErrorExplanation[] = [
  // Microsoft Graph
  e('BadRequest', 'Graph refused the query', 'Graph could not run this query: a filter uses an operator or value the endpoint does not accept, or a date is older than the retention window (7 days without Entra ID P1, 30 with P1/P2).', 'Use the filter builder, which only offers what each property supports, or narrow the time range to the retention window.'),
  e('Authentication_RequestFromNonPremiumTenantOrB2CTenant', 'Sign-in logs need Entra ID P1, or Directory.Read.All is missing', 'Graph answered "Neither tenant is B2C or tenant doesn\'t have premium license". Either the tenant has no Microsoft Entra ID P1/P2 licence, or the app has AuditLog.Read.All but not Directory.Read.All (Graph gives this same error for both).', 'Grant the application permission Directory.Read.All and admin consent; if it is granted already, the tenant needs Microsoft Entra ID P1 or P2 to read sign-in logs.', 'addPermissions'),
  e('Authentication_MSGraphPermissionMissing', 'A Graph permission is missing', 'The app or user does not hold the Microsoft Graph permission this report needs.', 'Add the permission named in the message (for example AuditLog.Read.All) under API permissions, then grant admin consent. Run Diagnose Permissions to see everything that is missing.', 'addPermissions'),
  e('Authentication_ApplicationHasNoDirectoryReadAccess', 'Directory.Read.All is missing', 'Graph could not do its premium licence check ("Failed to do premium license check") because the app cannot read the directory.', 'Grant the application permission Directory.Read.All and admin consent.', 'addPermissions'),
  e('Authentication_ApplicationHasNoReadAuditLogDataAccess', 'AuditLog.Read.All is missing', 'The app is missing the Microsoft Graph permission "Read all audit log data".', 'Grant the application permission AuditLog.Read.All and admin consent.', 'addPermissions'),
  e('Authorization_RequestDenied', 'Your account is not in an allowed role', 'The signed-in user is not in a role allowed to read these logs ("User isn\'t in the allowed roles").', 'Ask for one of: Reports Reader, Security Reader, Global Reader, Security Operator or Security Administrator (Security Administrator to confirm or dismiss risk). Users without a role can read only their own sign-ins.', 'rolesAndLicense'),
  e('Request_ResourceNotFound', 'Not found', 'There is no record with this id in this tenant within the retention window (7 days without Entra ID P1, 30 days with P1/P2).', 'Check the id and the tenant; older records are gone from Graph and only exist in an export or a SIEM.'),
  e('ResourceNotFound', 'Not found', 'There is no record with this id in this tenant within the retention window (7 days without Entra ID P1, 30 days with P1/P2).', 'Check the id and the tenant; older records are gone from Graph and only exist in an export or a SIEM.'),
  e('TooManyRequests', 'Throttled by Graph', 'Graph limits reports to 5 requests per 10 seconds per app and tenant, and Identity Protection to 1 request per second per tenant.', 'The extension waits and retries on its own; nothing to do unless it keeps happening, in which case another tool may be using the same app.', undefined, true),
  e('InvalidAuthenticationToken', 'The access token was refused', 'Graph did not accept the token: it expired, was revoked, or was issued for another cloud or resource.', 'Sign out of the tenant and sign in again. Check that the tenant\'s cloud (Global, US Gov, China) is right.', 'addTenant'),
  e('GatewayTimeout', 'The query timed out', 'Graph gave up after about 300 seconds, which happens with filtered queries over wide time windows.', 'The extension splits wide queries into smaller time windows; if you see this, narrow the time range.', undefined, true),
  e('ServiceUnavailable', 'Graph is temporarily unavailable', 'The service answered 503.', 'Retry in a moment; the extension retries on its own.', undefined, true),
  e('InternalServerError', 'Graph had an internal error', 'The service answered 500.', 'Retry; if it persists, narrow the query.', undefined, true),
  // Messages from the reporting troubleshooting guide, matched by text (codes vary between services).
  e('msg:Failed to get user roles', 'Your roles could not be read', 'Graph could not read the signed-in user\'s directory roles ("Failed to get user roles").', 'Grant the delegated permission Directory.Read.All with admin consent, and check the user holds a reader role such as Reports Reader or Security Reader.', 'addPermissions'),
  e('msg:Failed to do premium license check', 'Directory.Read.All is missing', 'Graph could not check the tenant\'s licence ("Failed to do premium license check") because the app cannot read the directory.', 'Grant Directory.Read.All and admin consent.', 'addPermissions'),
  e('msg:Neither tenant is B2C or tenant doesn\'t have premium license', 'Sign-in logs need Entra ID P1, or Directory.Read.All is missing', 'Either the tenant has no Microsoft Entra ID P1/P2 licence, or the app lacks Directory.Read.All.', 'Grant Directory.Read.All and admin consent; if granted, the tenant needs Entra ID P1 or P2 for sign-in logs.', 'addPermissions'),
  e('msg:User isn\'t in the allowed roles', 'Your account is not in an allowed role', 'The signed-in user holds none of the roles that may read these logs.', 'Ask for Reports Reader, Security Reader, Global Reader, Security Operator or Security Administrator.', 'rolesAndLicense'),
  e('msg:Application missing Azure AD \'Read directory data\' permission', 'Directory.Read.All is missing', 'The app lacks "Read directory data" (Directory.Read.All).', 'Grant the application permission Directory.Read.All and admin consent.', 'addPermissions'),
  e('msg:Application missing Microsoft Graph API \'Read all audit log data\' permission', 'AuditLog.Read.All is missing', 'The app lacks "Read all audit log data" (AuditLog.Read.All).', 'Grant the application permission AuditLog.Read.All and admin consent.', 'addPermissions'),
  // Entra ID sign-in (AADSTS)
  e('AADSTS7000215', 'Invalid client secret', 'The secret was refused. Most often the secret\'s ID was pasted instead of its value.', 'In Certificates & secrets, copy the secret\'s Value (shown only once, right after you create it), not its Secret ID; create a new secret if the value is lost.', 'chooseCredential'),
  e('AADSTS7000222', 'The client secret has expired', 'The app\'s secret is past its expiry date.', 'Create a new client secret (or better, upload a certificate) and sign in again with it.', 'chooseCredential'),
  e('AADSTS700016', 'App not found in this tenant', 'No application with this client ID exists in the tenant: a typo, the wrong tenant, or the app was never consented there.', 'Check the Application (client) ID on the app registration\'s Overview page, and that the tenant ID is the one the app lives in.', 'registerApp'),
  e('AADSTS90002', 'Tenant not found', 'No tenant with this ID or domain exists in the selected cloud.', 'Check the tenant ID (Overview page in the Entra admin center) and the cloud: a US Government or China tenant is not found in the Global cloud.', 'addTenant'),
  e('AADSTS65001', 'Consent is missing', 'The app\'s permissions have not been consented to in this tenant.', 'An administrator opens the admin-consent link (Diagnose Permissions shows it) or clicks "Grant admin consent" on the app\'s API permissions page.', 'grantConsent'),
  e('AADSTS700027', 'Certificate assertion refused', 'The signed assertion did not verify: the certificate uploaded to the app is not the one whose key signed it, or it expired.', 'Upload the certificate (.cer/.pem, public part) to the app\'s Certificates & secrets, and choose the matching private key here. The SHA-256 thumbprints must match.', 'chooseCredential'),
  e('AADSTS700024', 'Certificate assertion outside its time window', 'The assertion\'s time stamps were refused: this computer\'s clock may be wrong.', 'Check the system clock and time zone, then sign in again.'),
  e('AADSTS50020', 'User not in this tenant', 'The account that signed in does not exist in this tenant (and is not a guest in it).', 'Sign in with an account of this tenant, or invite the account as a guest and give it a reader role.', 'rolesAndLicense'),
  e('AADSTS53003', 'Blocked by conditional access', 'A conditional access policy blocked this sign-in.', 'Sign in from a device and place the policy allows, or ask an administrator which policy applied (the sign-in log of this attempt shows it).'),
  e('AADSTS7000218', 'Public client flows are not allowed', 'The app is not allowed to use device code sign-in.', 'In the app registration, Authentication > Advanced settings, set "Allow public client flows" to Yes.', 'registerApp'),
  e('AADSTS500011', 'Resource not found in the tenant', 'The tenant does not know the API the token was requested for: a wrong cloud, or the service is not set up in the tenant.', 'Check the tenant\'s cloud. For Office 365 activity, the tenant needs an Office 365 subscription.', 'addTenant'),
  e('AADSTS50126', 'Wrong user name or password', 'The credentials entered in the browser were wrong.', 'Sign in again with the right account.'),
  e('AADSTS50076', 'Multi-factor authentication required', 'The sign-in needs MFA.', 'Complete the MFA prompt in the browser.'),
  // MSAL and our own client-side codes
  e('authorization_declined', 'Sign-in declined', 'The sign-in was declined in the browser.', 'Run Sign In again and approve it.'),
  e('expired_token', 'The device code expired', 'Nobody entered the code in time (15 minutes).', 'Run Sign In again and enter the new code.'),
  e('code_expired', 'The device code expired', 'Nobody entered the code in time (15 minutes).', 'Run Sign In again and enter the new code.'),
  e('endpoints_resolution_error', 'The tenant could not be found', 'The sign-in service did not know this tenant in the selected cloud (AADSTS90002).', 'Check the tenant ID or domain and the cloud (Global, US Government or China).', 'addTenant'),
  e('NotSignedIn', 'Not signed in', 'This tenant has no saved sign-in, or it expired.', 'Run "Sign In" on the tenant.', 'addTenant'),
  e('UnsafeLink', 'A link from the service was not followed', 'The service handed back a link (next page, content blob or redirect) to a host or path this tenant\'s token is not for, so it was not followed and the token was not sent. The results before it are kept and marked incomplete.', 'Nothing leaked. If it repeats, a proxy or network device may be rewriting responses: report it with the log (Identity Logs: Show Log).'),
  e('TooManyRedirects', 'Too many redirects', 'The service kept redirecting the request (more than 5 times), which is a loop, not an answer. The request was stopped.', 'Retry later; if it persists, a proxy or network device may be redirecting traffic: check the proxy settings and report it with the log.', undefined, true),
  e('NetworkError', 'Could not reach the service', 'The request did not reach Microsoft: no network, a proxy, or a firewall in the way.', 'Check the connection (and proxy settings), then retry.', undefined, true),
  e('network_error', 'Could not reach the sign-in service', 'Sign-in could not reach the login host: this computer is offline, a proxy or firewall blocks it, or the tenant\'s cloud is wrong.', 'Check the connection and VS Code\'s proxy settings (http.proxy), and that the tenant\'s cloud (Global, US Government, China) is right; then sign in again. Your secret is kept.', 'addTenant', true),
  e('NetworkDns', 'Host name not found', 'The host name could not be resolved (DNS): this computer is offline, the DNS server is unreachable, or the host is blocked. A tenant in the wrong cloud also points at hosts it cannot use.', 'Check the network connection and, on a corporate network, that VS Code\'s proxy settings (http.proxy) are right. Check the tenant\'s cloud. Then retry.', 'addTenant', true),
  e('NetworkRefused', 'Connection refused', 'The host (or the proxy in between) refused the connection.', 'Check VS Code\'s proxy settings (http.proxy, http.proxySupport) and any firewall; then retry.', undefined, true),
  e('NetworkTimeout', 'Connection timed out', 'The host did not answer in time: the network is slow or down, or a firewall silently drops the traffic.', 'Check the connection and proxy settings; then retry.', undefined, true),
  e('NetworkUnreachable', 'Network unreachable', 'There is no route to the host: this computer is offline or its network is misconfigured.', 'Connect to the network (or VPN) and retry.', undefined, true),
  e('NetworkReset', 'Connection reset', 'The connection was cut in the middle, often by a proxy or firewall.', 'Retry; if it keeps happening, check the proxy or firewall in between.', undefined, true),
  e('NetworkTls', 'The server\'s certificate is not trusted', 'The TLS certificate presented for the host could not be verified. On corporate networks a TLS-inspecting proxy presents its own certificate, signed by a company CA that this program does not trust yet.', 'Ask IT to exempt Microsoft\'s login, Graph and Management API hosts from TLS inspection, or start VS Code with the environment variable NODE_EXTRA_CA_CERTS set to the company\'s root CA (a PEM file). Do not turn certificate checks off.', undefined, false),
  e('ProxyAuthRequired', 'The proxy asks for credentials', 'The HTTP proxy in VS Code\'s settings (http.proxy, or HTTPS_PROXY) answered 407: it wants the user to authenticate before it opens a connection to Microsoft, and no credentials, or wrong ones, were sent.', 'Set http.proxyAuthorization to the header the proxy expects (for example "Basic " and the base64 of user:password), or put the user and password in the http.proxy URL; for a Kerberos/NTLM-only proxy ask IT for an exception for Microsoft\'s login, Graph and Management API hosts. Then retry.', undefined, false),
  e('ProxyRefused', 'The proxy refused the connection', 'The HTTP proxy answered the request to open a connection with an error: its policy blocks the host, or the proxy could not reach it.', 'Ask IT to allow login.microsoftonline.com, graph.microsoft.com, manage.office.com and api.loganalytics.io (or your cloud\'s hosts) through the proxy, or list the hosts that should bypass it in http.noProxy. Then retry.', undefined, false),
  e('ProxyUnreachable', 'The proxy could not be reached', 'The proxy in VS Code\'s settings (http.proxy, or HTTPS_PROXY) did not accept the connection or did not answer in time: a wrong address or port, or the proxy is down.', 'Check http.proxy (or HTTPS_PROXY) and that the proxy is running; on a network without a proxy, clear the setting. Then retry.', undefined, true),
  e('ProxyUnsupported', 'This kind of proxy is not supported', 'The proxy setting names a proxy that is not http:// or https:// (for example socks://), or is not a URL.', 'Set http.proxy to the HTTP proxy\'s URL, such as http://proxy.example.com:8080.', undefined, false),
  // Log Analytics query API (API-FACTS 8): the outer code, refined by the inner one where it says more.
  e('la:InsufficientAccessError/MissingPermission', 'Data.Read is missing', 'The token has no Log Analytics API permission: the app (or the signed-in user\'s consent) lacks Data.Read.', 'Under API permissions add "Log Analytics API" › Data.Read (application, or delegated for device code) and grant admin consent, then sign in again.', 'addPermissions'),
  e('la:InsufficientAccessError/AuthorizationFailed', 'No role on the workspace', 'The app or user has Data.Read but no Azure role on this workspace, so the workspace will not answer it.', 'In the Azure portal, on the workspace\'s Access control (IAM), assign Log Analytics Reader (or Log Analytics Data Reader, or Reader) to the app\'s service principal or to the user.', 'addWorkspace'),
  e('la:InsufficientAccessError', 'No access to the workspace', 'The workspace refused the caller: the Data.Read permission or an Azure role on the workspace is missing, or a table is restricted.', 'Check the API permission Log Analytics API › Data.Read, and a Log Analytics Reader role on the workspace.', 'addPermissions'),
  e('la:WorkspaceNotFoundError', 'Workspace not found', 'No workspace with this id exists where this tenant\'s credential can see it.', 'Check the Workspace ID on the workspace\'s Overview page in the Azure portal (a GUID, not the resource name), and that it belongs to this tenant.'),
  e('la:PathNotFoundError', 'Workspace not found', 'The workspace path was not found: the workspace id is wrong or the workspace was deleted.', 'Check the Workspace ID on the workspace\'s Overview page.'),
  e('la:BadArgumentError/SyntaxError', 'The KQL does not parse', 'The workspace could not parse the query.', 'Fix the query at the position the message names.'),
  e('la:BadArgumentError/SemanticError', 'The query names something the workspace does not have', 'The workspace parsed the query but could not resolve a table, column or function in it. A table is missing when the tenant\'s diagnostic settings do not send that log category to this workspace.', 'Check the names; to fill a missing table, add its category (for example SignInLogs) to the tenant\'s diagnostic settings with this workspace as the destination (new data can take up to 3 days to show).'),
  e('la:BadArgumentError', 'The workspace refused the query', 'The query or its time span was not accepted.', 'Check the query and the time range.'),
  e('la:InvalidTokenError', 'The token was refused by the workspace', 'The Log Analytics API did not accept the token: wrong audience or cloud, or it expired.', 'Sign out of the tenant and sign in again; check the tenant\'s cloud.', 'addTenant'),
  e('la:ThrottledError', 'Throttled by Log Analytics', 'Log Analytics allows 200 queries per 30 seconds per user, and 5 running at once.', 'The extension waits and retries on its own.', undefined, true),
  // Azure Resource Manager (finding workspaces)
  e('arm:AuthorizationFailed', 'No role on the subscription', 'Azure Resource Manager will not list this subscription\'s workspaces to the credential: it has no role there that reads them.', 'Assign Reader (or Log Analytics Reader) on the workspace\'s subscription or resource group to the app\'s service principal or to the user, or add the workspace by its ID, which needs no Resource Manager role.', 'addWorkspace'),
  e('arm:InvalidAuthenticationTokenAudience', 'The token was refused by Azure Resource Manager', 'Resource Manager did not accept the token: it was issued for another service or cloud.', 'Check the tenant\'s cloud, then sign out of the tenant and sign in again.', 'addTenant'),
  e('arm:InvalidAuthenticationToken', 'The token was refused by Azure Resource Manager', 'Resource Manager did not accept the token: it expired or is not valid for this tenant.', 'Sign out of the tenant and sign in again.', 'addTenant'),
  e('arm:TooManyRequests', 'Throttled by Azure Resource Manager', 'Resource Manager limits how often a principal may read (about 12,000 reads an hour).', 'The extension waits and retries on its own.', undefined, true),
  e('SliceTooLarge', 'Too many rows in too short a time', 'Even a short slice of the range returns more than the workspace sends in one answer (500,000 rows or about 100 MB).', 'Add a condition (a user, an app, failures only) so fewer rows match.'),
  // Office 365 Management Activity API
  e('AF10001', 'ActivityFeed.Read is missing', 'The token does not carry the Office 365 Management API permission ActivityFeed.Read.', 'Add the application permission ActivityFeed.Read (Office 365 Management APIs) and grant admin consent.', 'addPermissions'),
  e('AF20001', 'A parameter is missing', 'The Management Activity API call missed a required parameter.', 'This is a bug in the extension: please report it with the log.'),
  e('AF20002', 'A parameter is invalid', 'The Management Activity API refused a parameter\'s type or format.', 'This is a bug in the extension: please report it with the log.'),
  e('AF20010', 'Tenant ID does not match the token', 'The tenant in the URL is not the tenant the token was issued for.', 'Use the tenant\'s GUID (not another tenant\'s) and sign in to that same tenant.', 'addTenant'),
  e('AF20011', 'Tenant not found by the Management API', 'The tenant does not exist for the Office 365 Management Activity API or was deleted.', 'Check the tenant ID; the tenant needs an Office 365 subscription.', 'addTenant'),
  e('AF20012', 'Tenant not set up for audit logs', 'The tenant is misconfigured for the Management Activity API: unified audit logging is off.', 'Turn on auditing in Microsoft Purview (Audit > Start recording user and admin activity), then wait up to 24 hours.', 'rolesAndLicense'),
  e('AF20013', 'Tenant ID is not a GUID', 'The Management Activity API needs the tenant\'s GUID, not a domain name.', 'Edit the tenant and enter its tenant ID (a GUID).', 'addTenant'),
  e('AF20020', 'Unknown content type', 'The content type is not one of Audit.AzureActiveDirectory, Audit.Exchange, Audit.SharePoint, Audit.General or DLP.All.', 'Pick one of the listed content types.'),
  e('AF20022', 'No subscription for this content type', 'Nothing is subscribed for this content type, so there is no content to list.', 'Start the subscription; content can take up to 12 hours to appear after the first start.'),
  e('AF20023', 'The subscription was disabled', 'The subscription for this content type was disabled.', 'Start the subscription again.'),
  e('AF20024', 'The subscription is already enabled', 'Starting it again changes nothing.', 'Nothing to do.'),
  e('AF20030', 'Invalid time range', 'Start and end must be YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS.', 'Pick the range again; the extension sends valid formats.'),
  e('AF20031', 'Invalid page link', 'The API refused the next-page link.', 'Start the listing again.'),
  e('AF20050', 'Content not found', 'The content blob does not exist.', 'List the content again; the link may be stale.'),
  e('AF20051', 'Content expired', 'Content blobs are kept 7 days after they become available; this one is older.', 'Pick a range within the last 7 days.'),
  e('AF20052', 'Invalid content id', 'The content id in the link is malformed.', 'List the content again.'),
  e('AF20055', 'Invalid time range', 'Start and end must both be given or both left out, be at most 24 hours apart, start before end, and start no more than 7 days back.', 'Choose a range within the last 7 days; the extension splits it into 24-hour windows.'),
  e('AF429', 'Throttled by the Management API', 'Too many requests (the Management API sends this as HTTP 403).', 'The extension waits and retries; send a PublisherIdentifier (a setting) to get your own quota.', undefined, true),
  e('AF50000', 'Management API internal error', 'The service had an internal error.', 'Retry; the extension retries on its own.', undefined, true),
];

export const ERROR_CATALOG: ReadonlyMap<string, ErrorExplanation> = new Map(ENTRIES.map((x) => [x.code, x]));

export function explain(code: string): ErrorExplanation | undefined {
  return ERROR_CATALOG.get(code);
}
