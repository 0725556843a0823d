import type * as vscode from 'vscode';
import { CLOUDS, type CloudId, GCC_LABEL } from '../../core/clouds';
import { type EndpointTarget, type SignInKind, type TenantConfig, validateClientId, validateTenantIdentifier } from '../../core/tenants/tenantConfig';
import { fakeTenantSettings } from '../settings';
import { MultiStepInput } from '../ui/multiStepInput';

/** The answers of the Add/Edit Tenant questions; the credential itself is asked for at sign-in. */
export interface TenantDraft {
  displayName: string;
  tenant: string;
  cloud: CloudId;
  gcc: boolean;
  target: EndpointTarget;
  signInKind: SignInKind;
  clientId: string;
}

interface CloudItem extends vscode.QuickPickItem {
  readonly cloud: CloudId;
  readonly gcc: boolean;
  readonly target: EndpointTarget;
}

interface KindItem extends vscode.QuickPickItem {
  readonly signInKind: SignInKind;
}

const KINDS: KindItem[] = [
  { signInKind: 'certificate', label: '$(key) App certificate', description: 'recommended', detail: 'App-only, unattended. Choose a PEM (key + certificate) or PFX file; the certificate is uploaded to the app registration.' },
  { signInKind: 'clientSecret', label: '$(lock) App client secret', detail: "App-only. Paste the secret's Value (not its ID). Secrets expire; certificates are safer." },
  { signInKind: 'deviceCode', label: '$(person) Delegated: sign in as yourself (device code)', detail: 'You sign in in a browser with a code. Needs a public client app and a reader role such as Reports Reader or Security Reader.' },
];

function cloudItems(): CloudItem[] {
  const items: CloudItem[] = [
    { cloud: 'global', gcc: false, target: 'cloud', label: CLOUDS.global.label, description: 'login.microsoftonline.com · graph.microsoft.com' },
    { cloud: 'global', gcc: true, target: 'cloud', label: GCC_LABEL, description: 'graph.microsoft.com · manage-gcc.office.com' },
    { cloud: 'usGovHigh', gcc: false, target: 'cloud', label: CLOUDS.usGovHigh.label, description: 'login.microsoftonline.us · graph.microsoft.us' },
    { cloud: 'usGovDod', gcc: false, target: 'cloud', label: CLOUDS.usGovDod.label, description: 'login.microsoftonline.us · dod-graph.microsoft.us' },
    { cloud: 'china', gcc: false, target: 'cloud', label: CLOUDS.china.label, description: 'login.chinacloudapi.cn · microsoftgraph.chinacloudapi.cn' },
  ];
  const fake = fakeTenantSettings();
  if (fake) items.push({ cloud: 'global', gcc: false, target: 'fakeTenant', label: '$(beaker) Local fake tenant', description: fake.origin, detail: 'The emulator configured in identityLogs.fakeTenant.origin (tests and development).' });
  return items;
}

/** Runs the questions; resolves with the answers, or undefined when the user cancels. */
export async function runTenantWizard(title: string, existing?: TenantConfig, defaults?: { publicClientId?: string }): Promise<TenantDraft | undefined> {
  const draft: TenantDraft = {
    displayName: existing?.displayName ?? '',
    tenant: existing?.tenant ?? '',
    cloud: existing?.cloud ?? 'global',
    gcc: existing?.gcc ?? false,
    target: existing?.target ?? 'cloud',
    signInKind: existing?.signInKind ?? 'certificate',
    clientId: existing?.clientId ?? '',
  };
  // Counted truthfully: an app credential (secret or certificate) is asked for right after these
  // five questions, as step six; device code has no sixth question. The count changes when the
  // sign-in kind does, as the questions themselves do.
  let total = draft.signInKind === 'deviceCode' ? 5 : 6;
  const name = async (input: MultiStepInput) => {
    draft.displayName = await input.showInputBox({ title, step: 1, totalSteps: total, prompt: 'A name for this tenant in the sidebar', placeholder: 'Contoso production', value: draft.displayName, validate: (v) => (v.trim() ? undefined : 'Enter a name.') });
    return tenantId;
  };
  const tenantId = async (input: MultiStepInput) => {
    draft.tenant = await input.showInputBox({ title, step: 2, totalSteps: total, prompt: 'Tenant ID (GUID) or a verified domain', placeholder: 'contoso.onmicrosoft.com or 00000000-0000-0000-0000-000000000000', value: draft.tenant, validate: validateTenantIdentifier });
    return cloud;
  };
  const cloud = async (input: MultiStepInput) => {
    const items = cloudItems();
    const active = items.find((i) => i.cloud === draft.cloud && i.gcc === draft.gcc && i.target === draft.target);
    const pick = await input.showQuickPick({ title, step: 3, totalSteps: total, placeholder: 'Which cloud is the tenant in? Tokens do not work across clouds.', items, active });
    draft.cloud = pick.cloud;
    draft.gcc = pick.gcc;
    draft.target = pick.target;
    return kind;
  };
  const kind = async (input: MultiStepInput) => {
    const pick = await input.showQuickPick({ title, step: 4, totalSteps: total, placeholder: 'How does the extension sign in to this tenant?', items: KINDS, active: KINDS.find((k) => k.signInKind === draft.signInKind) });
    if (draft.clientId === '' && pick.signInKind === 'deviceCode' && defaults?.publicClientId) draft.clientId = defaults.publicClientId;
    draft.signInKind = pick.signInKind;
    total = draft.signInKind === 'deviceCode' ? 5 : 6;
    return clientId;
  };
  const clientId = async (input: MultiStepInput) => {
    const prompt =
      draft.signInKind === 'deviceCode'
        ? "Application (client) ID of a public client app registration (Authentication > 'Allow public client flows' on) with delegated AuditLog.Read.All and Directory.Read.All"
        : 'Application (client) ID of the app registration (its Overview page)';
    draft.clientId = await input.showInputBox({ title, step: 5, totalSteps: total, prompt, placeholder: '00000000-0000-0000-0000-000000000000', value: draft.clientId, validate: validateClientId });
  };
  try {
    await MultiStepInput.run(name);
  } catch {
    return undefined;
  }
  return { ...draft, displayName: draft.displayName.trim(), tenant: draft.tenant.trim(), clientId: draft.clientId.trim().toLowerCase() };
}
