/** Static reference data the generator draws from: apps, places, clients, outcomes, policies. */

/**
 * Real logs carry attacker-controlled text. These are valid strings that break naive renderers:
 * markup, quotes, very long values, right-to-left overrides and zero-width characters.
 */
export const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(document.domain)</script>',
  "Robert'); DROP TABLE signIns;--",
  'O\'Brien "The Admin" & co.',
  '\u202Eexe.tnemhcatta\u202C report.pdf',
  'zero\u200Bwidth\u200Djoiner\uFEFFname',
  '{{constructor.constructor("alert(1)")()}}',
  'javascript:alert(1)',
  '=HYPERLINK("http://evil.test","click"),cmd|calc!A0',
  'line one\r\nline two\ttabbed',
  'A'.repeat(2048),
  'مستخدم عربي',
  '𝕦𝕟𝕚𝕔𝕠𝕕𝕖 😀 emoji',
  '[run me](command:workbench.action.terminal.new) <a href="command:workbench.action.quit">quit</a>',
] as const;

/**
 * The names and strings the generator draws from. With hostile text (tests and the benchmark), the
 * lists carry HOSTILE_STRINGS among the ordinary values; without it (the demo tenant), a person
 * trying the product sees only believable names.
 */
export interface Vocabulary {
  readonly hostile: boolean;
  readonly apps: readonly AppInfo[];
  readonly workloads: typeof WORKLOADS;
  readonly devices: readonly DeviceProfile[];
  readonly policies: readonly CaPolicy[];
  /** A hostile string, or `ordinary` when the vocabulary has none. */
  pickHostile(index: number, ordinary: string): string;
}

const isHostile = (text: string) => HOSTILE_STRINGS.some((h) => text.includes(h));

export function vocabulary(hostile: boolean): Vocabulary {
  return {
    hostile,
    apps: hostile ? APPS : APPS.filter((a) => !isHostile(a.displayName)),
    workloads: hostile ? WORKLOADS : WORKLOADS.filter((w) => !isHostile(w.displayName)),
    devices: hostile ? DEVICE_PROFILES : DEVICE_PROFILES.filter((d) => !isHostile(d.userAgent)),
    policies: hostile ? CA_POLICIES : CA_POLICIES.filter((p) => !isHostile(p.displayName)),
    pickHostile: (index, ordinary) => (hostile ? HOSTILE_STRINGS[Math.abs(index) % HOSTILE_STRINGS.length] : ordinary),
  };
}

export interface AppInfo {
  readonly appId: string;
  readonly displayName: string;
}

/** First-party and typical enterprise apps (the ids of first-party apps are the real, public ones). */
export const APPS: readonly AppInfo[] = [
  { appId: '00000002-0000-0ff1-ce00-000000000000', displayName: 'Office 365 Exchange Online' },
  { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', displayName: 'Microsoft Teams' },
  { appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', displayName: 'Azure Portal' },
  { appId: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064', displayName: 'Graph Explorer' },
  { appId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', displayName: 'Microsoft Azure CLI' },
  { appId: '00000003-0000-0ff1-ce00-000000000000', displayName: 'Office 365 SharePoint Online' },
  { appId: '4765445b-32c6-49b0-83e6-1d93765276ca', displayName: 'OfficeHome' },
  { appId: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', displayName: 'Microsoft Office' },
  { appId: '1b730954-1685-4b74-9bfd-dac224a7b894', displayName: 'Azure Active Directory PowerShell' },
  { appId: '9ba1a5c7-f17a-4de9-a1f1-6178c8d51223', displayName: 'Microsoft Intune Company Portal' },
  { appId: 'e1c0f0aa-5d1b-4c2e-9f3a-0a1b2c3d4e5f', displayName: 'Salesforce' },
  { appId: 'f2d1e0bb-6e2c-4d3f-8a4b-1b2c3d4e5f60', displayName: 'ServiceNow' },
  { appId: 'a3e2f1cc-7f3d-4e4a-9b5c-2c3d4e5f6071', displayName: 'Contoso Payroll' },
  { appId: 'b4f3a2dd-8a4e-4f5b-8c6d-3d4e5f607182', displayName: HOSTILE_STRINGS[0] },
  { appId: 'c5a4b3ee-9b5f-4a6c-9d7e-4e5f60718293', displayName: HOSTILE_STRINGS[1] },
  { appId: 'd6b5c4ff-0c6a-4b7d-8e8f-5f6071829304', displayName: `${HOSTILE_STRINGS[4]} ${HOSTILE_STRINGS[7]} ${HOSTILE_STRINGS[13]}` },
];

export const RESOURCES: readonly AppInfo[] = [
  { appId: '00000003-0000-0000-c000-000000000000', displayName: 'Microsoft Graph' },
  { appId: '00000002-0000-0ff1-ce00-000000000000', displayName: 'Office 365 Exchange Online' },
  { appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013', displayName: 'Windows Azure Service Management API' },
  { appId: '00000003-0000-0ff1-ce00-000000000000', displayName: 'Office 365 SharePoint Online' },
];

/** Workload identities that sign in as service principals or managed identities. */
export const WORKLOADS: readonly (AppInfo & { servicePrincipalId: string; managed: boolean })[] = [
  { appId: '7d6e5f40-1a2b-4c3d-8e4f-506172839405', displayName: 'nightly-backup-job', servicePrincipalId: '8e7f6051-2b3c-4d4e-9f50-617283940516', managed: false },
  { appId: '6c5d4e3f-0a1b-4b2c-9d3e-4f5061728394', displayName: 'siem-connector', servicePrincipalId: '9f807162-3c4d-4e5f-a061-728394051627', managed: false },
  { appId: '5b4c3d2e-f0a1-4a1b-8c2d-3e4f50617283', displayName: 'terraform-deployer', servicePrincipalId: 'a0918273-4d5e-4f60-b172-839405162738', managed: false },
  { appId: '4a3b2c1d-e0f1-4901-9b1c-2d3e4f506172', displayName: 'func-orders-prod', servicePrincipalId: 'b1a29384-5e6f-4071-8283-940516273849', managed: true },
  { appId: '39a2b1c0-d0e1-4f00-8a0b-1c2d3e4f5061', displayName: 'vm-build-agent-01', servicePrincipalId: 'c2b3a495-6f70-4182-9394-05162738495a', managed: true },
  { appId: '2891a0bf-cfd0-4eff-9f0a-0b1c2d3e4f50', displayName: HOSTILE_STRINGS[4], servicePrincipalId: 'd3c4b5a6-7081-4293-a4a5-162738495a6b', managed: false },
];

export interface Place {
  readonly city: string;
  readonly state: string;
  readonly countryOrRegion: string;
  readonly latitude: number;
  readonly longitude: number;
}

export const PLACES: readonly Place[] = [
  { city: 'Seattle', state: 'Washington', countryOrRegion: 'US', latitude: 47.6062, longitude: -122.3321 },
  { city: 'Redmond', state: 'Washington', countryOrRegion: 'US', latitude: 47.674, longitude: -122.1215 },
  { city: 'New York', state: 'New York', countryOrRegion: 'US', latitude: 40.7128, longitude: -74.006 },
  { city: 'Austin', state: 'Texas', countryOrRegion: 'US', latitude: 30.2672, longitude: -97.7431 },
  { city: 'London', state: 'England', countryOrRegion: 'GB', latitude: 51.5072, longitude: -0.1276 },
  { city: 'Dublin', state: 'Dublin', countryOrRegion: 'IE', latitude: 53.3498, longitude: -6.2603 },
  { city: 'Berlin', state: 'Berlin', countryOrRegion: 'DE', latitude: 52.52, longitude: 13.405 },
  { city: 'Paris', state: 'Ile-de-France', countryOrRegion: 'FR', latitude: 48.8566, longitude: 2.3522 },
  { city: 'Bengaluru', state: 'Karnataka', countryOrRegion: 'IN', latitude: 12.9716, longitude: 77.5946 },
  { city: 'Tokyo', state: 'Tokyo', countryOrRegion: 'JP', latitude: 35.6762, longitude: 139.6503 },
  { city: 'Sydney', state: 'New South Wales', countryOrRegion: 'AU', latitude: -33.8688, longitude: 151.2093 },
  { city: 'São Paulo', state: 'São Paulo', countryOrRegion: 'BR', latitude: -23.5558, longitude: -46.6396 },
  { city: 'Lagos', state: 'Lagos', countryOrRegion: 'NG', latitude: 6.5244, longitude: 3.3792 },
  { city: 'Moscow', state: 'Moscow', countryOrRegion: 'RU', latitude: 55.7558, longitude: 37.6173 },
  { city: 'Amsterdam', state: 'Noord-Holland', countryOrRegion: 'NL', latitude: 52.3676, longitude: 4.9041 },
];

/** Where most of the tenant's people are; foreign places are rarer and riskier. */
export const HOME_PLACE_WEIGHTS: ReadonlyArray<readonly [number, number]> = PLACES.map((_, i) => [i, i < 4 ? 12 : i < 8 ? 4 : 1] as const);

export const BROWSERS = ['Edge 131.0.0', 'Chrome 131.0.0', 'Firefox 133.0', 'Safari 17.6', 'Mobile Safari 17.6', 'Rich Client 4.66.1.0', 'IE 11.0'] as const;
export const OPERATING_SYSTEMS = ['Windows 10', 'Windows 11', 'MacOs', 'Ios 17.6.1', 'Android 14', 'Linux'] as const;
export const TRUST_TYPES = ['Azure AD joined', 'Hybrid Azure AD joined', 'Azure AD registered', ''] as const;

/**
 * A device's operating system, browser and user agent agree with each other (a Windows/Firefox
 * device does not send a Mac Safari user agent). The last ones are hostile-text fixtures.
 */
export interface DeviceProfile {
  readonly operatingSystem: string;
  readonly browser: string;
  readonly userAgent: string;
  /** Managed (compliant, joined) devices are PCs and Macs; phones and scripts are not. */
  readonly manageable: boolean;
}

export const DEVICE_PROFILES: readonly DeviceProfile[] = [
  { operatingSystem: 'Windows 11', browser: 'Edge 131.0.0', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', manageable: true },
  { operatingSystem: 'Windows 10', browser: 'Chrome 131.0.0', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', manageable: true },
  { operatingSystem: 'Windows 11', browser: 'Rich Client 4.66.1.0', userAgent: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)', manageable: true },
  { operatingSystem: 'MacOs', browser: 'Safari 17.6', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15', manageable: true },
  { operatingSystem: 'Ios 17.6.1', browser: 'Mobile Safari 17.6', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1', manageable: false },
  { operatingSystem: 'Android 14', browser: 'Chrome Mobile 131.0.0', userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', manageable: false },
  { operatingSystem: 'Linux', browser: 'Firefox 133.0', userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', manageable: false },
  { operatingSystem: '', browser: 'Python Requests 2.32', userAgent: 'python-requests/2.32.3', manageable: false },
  { operatingSystem: '', browser: '', userAgent: 'BAV2ROPC', manageable: false },
  { operatingSystem: 'Windows 10', browser: 'Chrome 131.0.0', userAgent: HOSTILE_STRINGS[1], manageable: false },
  { operatingSystem: 'Linux', browser: 'Firefox 133.0', userAgent: HOSTILE_STRINGS[10], manageable: false },
];

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)',
  'python-requests/2.32.3',
  'BAV2ROPC',
  HOSTILE_STRINGS[1],
  HOSTILE_STRINGS[10],
] as const;

export const CLIENT_APPS = ['Browser', 'Mobile Apps and Desktop clients', 'Exchange ActiveSync', 'IMAP4', 'Authenticated SMTP', 'Other clients'] as const;

export interface Outcome {
  readonly errorCode: number;
  readonly failureReason: string;
  readonly additionalDetails: string | null;
  readonly weight: number;
}

/** A realistic mix of sign-in outcomes (AADSTS codes). */
export const OUTCOMES: readonly Outcome[] = [
  { errorCode: 0, failureReason: 'Other.', additionalDetails: null, weight: 700 },
  { errorCode: 50126, failureReason: 'Error validating credentials due to invalid username or password.', additionalDetails: 'The user didn\'t enter the right credentials.', weight: 80 },
  { errorCode: 50074, failureReason: 'Strong Authentication is required.', additionalDetails: 'The user is being asked for MFA.', weight: 50 },
  { errorCode: 50140, failureReason: 'This error occurred due to \'Keep me signed in\' interrupt when the user was signing in.', additionalDetails: null, weight: 40 },
  { errorCode: 53003, failureReason: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.', additionalDetails: null, weight: 30 },
  { errorCode: 500121, failureReason: 'Authentication failed during strong authentication request.', additionalDetails: 'MFA denied; user declined the authentication.', weight: 30 },
  { errorCode: 50053, failureReason: 'Account is locked because user tried to sign in too many times with an incorrect user ID or password.', additionalDetails: null, weight: 20 },
  { errorCode: 50076, failureReason: 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access.', additionalDetails: null, weight: 20 },
  { errorCode: 50158, failureReason: 'External security challenge was not satisfied.', additionalDetails: null, weight: 10 },
  { errorCode: 50055, failureReason: 'The password is expired.', additionalDetails: null, weight: 8 },
  { errorCode: 50057, failureReason: 'The user account is disabled.', additionalDetails: null, weight: 6 },
  { errorCode: 70044, failureReason: 'The session has expired or is invalid due to sign-in frequency checks by conditional access.', additionalDetails: null, weight: 6 },
];

/** Outcomes a workload identity meets. */
export const WORKLOAD_OUTCOMES: readonly Outcome[] = [
  { errorCode: 0, failureReason: 'Other.', additionalDetails: null, weight: 90 },
  { errorCode: 7000215, failureReason: 'Invalid client secret is provided.', additionalDetails: null, weight: 6 },
  { errorCode: 7000222, failureReason: 'The provided client secret keys are expired.', additionalDetails: null, weight: 2 },
  { errorCode: 700027, failureReason: 'Client assertion failed signature validation.', additionalDetails: null, weight: 2 },
];

export interface CaPolicy {
  readonly id: string;
  readonly displayName: string;
  readonly reportOnly: boolean;
  readonly grantControls: readonly string[];
  readonly sessionControls: readonly string[];
  /** Share of sign-ins the policy applies to. */
  readonly coverage: number;
}

export const CA_POLICIES: readonly CaPolicy[] = [
  { id: '5c1f0a3e-6e0b-4a55-9c1d-2b9f6f0e1a01', displayName: 'Require MFA for all users', reportOnly: false, grantControls: ['Mfa'], sessionControls: [], coverage: 0.9 },
  { id: '5c1f0a3e-6e0b-4a55-9c1d-2b9f6f0e1a02', displayName: 'Block legacy authentication', reportOnly: false, grantControls: ['Block'], sessionControls: [], coverage: 0.15 },
  { id: '5c1f0a3e-6e0b-4a55-9c1d-2b9f6f0e1a03', displayName: 'Require compliant device for admins', reportOnly: false, grantControls: ['RequireCompliantDevice'], sessionControls: [], coverage: 0.2 },
  { id: '5c1f0a3e-6e0b-4a55-9c1d-2b9f6f0e1a04', displayName: 'Sign-in frequency 8h for unmanaged devices', reportOnly: false, grantControls: [], sessionControls: ['SignInFrequency'], coverage: 0.3 },
  { id: '5c1f0a3e-6e0b-4a55-9c1d-2b9f6f0e1a05', displayName: 'Block high sign-in risk (report-only)', reportOnly: true, grantControls: ['Block'], sessionControls: [], coverage: 0.6 },
  { id: '5c1f0a3e-6e0b-4a55-9c1d-2b9f6f0e1a06', displayName: 'Require terms of use for guests (report-only)', reportOnly: true, grantControls: ['TermsOfUse'], sessionControls: [], coverage: 0.4 },
  { id: '5c1f0a3e-6e0b-4a55-9c1d-2b9f6f0e1a07', displayName: 'Block countries outside allow-list', reportOnly: false, grantControls: ['Block'], sessionControls: [], coverage: 0.25 },
  { id: '5c1f0a3e-6e0b-4a55-9c1d-2b9f6f0e1a08', displayName: HOSTILE_STRINGS[3], reportOnly: false, grantControls: [], sessionControls: ['ApplicationEnforcedRestrictions'], coverage: 0.1 },
  { id: '5c1f0a3e-6e0b-4a55-9c1d-2b9f6f0e1a09', displayName: 'Disabled: require password change', reportOnly: false, grantControls: ['PasswordChange'], sessionControls: [], coverage: 0 },
];

export const RISK_EVENT_TYPES = [
  'unlikelyTravel',
  'anonymizedIPAddress',
  'maliciousIPAddress',
  'unfamiliarFeatures',
  'leakedCredentials',
  'passwordSpray',
  'suspiciousInboxForwarding',
  'newCountry',
  'investigationsThreatIntelligence',
] as const;

export interface AuditActivity {
  readonly activityDisplayName: string;
  readonly category: string;
  readonly loggedByService: string;
  readonly operationType: string;
  readonly targetType: string;
}

export const AUDIT_ACTIVITIES: readonly AuditActivity[] = [
  { activityDisplayName: 'Add user', category: 'UserManagement', loggedByService: 'Core Directory', operationType: 'Add', targetType: 'User' },
  { activityDisplayName: 'Update user', category: 'UserManagement', loggedByService: 'Core Directory', operationType: 'Update', targetType: 'User' },
  { activityDisplayName: 'Delete user', category: 'UserManagement', loggedByService: 'Core Directory', operationType: 'Delete', targetType: 'User' },
  { activityDisplayName: 'Add member to group', category: 'GroupManagement', loggedByService: 'Core Directory', operationType: 'Assign', targetType: 'Group' },
  { activityDisplayName: 'Add member to role', category: 'RoleManagement', loggedByService: 'Core Directory', operationType: 'Assign', targetType: 'User' },
  { activityDisplayName: 'Consent to application', category: 'ApplicationManagement', loggedByService: 'Core Directory', operationType: 'Assign', targetType: 'ServicePrincipal' },
  { activityDisplayName: 'Add service principal credentials', category: 'ApplicationManagement', loggedByService: 'Core Directory', operationType: 'Update', targetType: 'ServicePrincipal' },
  { activityDisplayName: 'Update conditional access policy', category: 'Policy', loggedByService: 'Conditional Access', operationType: 'Update', targetType: 'Policy' },
  { activityDisplayName: 'Reset password (self-service)', category: 'UserManagement', loggedByService: 'Self-service Password Management', operationType: 'Update', targetType: 'User' },
  { activityDisplayName: 'User registered security info', category: 'UserManagement', loggedByService: 'Authentication Methods', operationType: 'Add', targetType: 'User' },
  { activityDisplayName: 'Invite external user', category: 'UserManagement', loggedByService: 'Invited Users', operationType: 'Add', targetType: 'User' },
  { activityDisplayName: 'Add eligible member to role in PIM completed (permanent)', category: 'RoleManagement', loggedByService: 'PIM', operationType: 'Assign', targetType: 'Role' },
];

export const FIRST_NAMES = ['Alex', 'Bianca', 'Chen', 'Dmitri', 'Elif', 'Farah', 'Gustavo', 'Hana', 'Ivan', 'Jamal', 'Keiko', 'Liam', 'Mei', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoe'] as const;
export const LAST_NAMES = ['Andersen', 'Baker', 'Castillo', 'Dubois', 'Eze', 'Fischer', 'García', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Lopez', 'Müller', 'Nguyen', "O'Brien", 'Patel', 'Rossi', 'Singh', 'Tanaka', 'Walsh'] as const;
