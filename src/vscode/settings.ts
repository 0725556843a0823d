import * as fs from 'fs';
import * as vscode from 'vscode';
import { parseLocalOrigin } from '../core/clouds';

/**
 * Settings that choose endpoints. They are application-scoped, and only the user's own value is
 * read (never a workspace's), so a repository's .vscode/settings.json cannot redirect a token.
 */
export interface FakeTenantSettings {
  readonly origin: string;
  readonly caPem: string | undefined;
}

function userValue<T>(section: string, key: string): T | undefined {
  const inspected = vscode.workspace.getConfiguration(section).inspect<T>(key);
  return inspected?.globalValue;
}

export function fakeTenantSettings(): FakeTenantSettings | undefined {
  const raw = userValue<string>('identityLogs.fakeTenant', 'origin');
  if (!raw) return undefined;
  const origin = parseLocalOrigin(raw);
  if (!origin) return undefined;
  const caPath = userValue<string>('identityLogs.fakeTenant', 'caCertificatePath');
  let caPem: string | undefined;
  if (caPath) {
    try {
      caPem = fs.readFileSync(caPath, 'utf8');
    } catch {
      caPem = undefined;
    }
  }
  return { origin, caPem };
}

export function onFakeTenantSettingsChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('identityLogs.fakeTenant')) listener();
  });
}
