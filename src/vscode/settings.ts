import * as fs from 'fs';
import * as vscode from 'vscode';
import { parseLocalOrigin } from '../core/clouds';
import type { ProxySettings } from '../core/http/proxy';

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

const SUPPORT = new Set(['off', 'on', 'fallback', 'override']);

/**
 * VS Code's proxy settings, which every request of the extension honours (sign-in included). These
 * are application settings VS Code itself restricts to the user, so no workspace can set them.
 */
export function proxySettings(): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  const support = http.get<string>('proxySupport') ?? 'override';
  const noProxy = http.get<unknown>('noProxy');
  const authorization = http.get<unknown>('proxyAuthorization');
  const env: Record<string, string | undefined> = {};
  for (const name of ['https_proxy', 'http_proxy', 'no_proxy']) {
    env[name] = process.env[name] ?? process.env[name.toUpperCase()];
  }
  return {
    proxy: http.get<string>('proxy') ?? '',
    ...(typeof authorization === 'string' && authorization ? { authorization } : {}),
    noProxy: Array.isArray(noProxy) ? noProxy.filter((e): e is string => typeof e === 'string') : [],
    support: (SUPPORT.has(support) ? support : 'override') as ProxySettings['support'],
    env,
  };
}

export function onProxySettingsChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('http')) listener();
  });
}
