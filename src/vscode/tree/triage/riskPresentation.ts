import * as vscode from 'vscode';

/** Risk levels differ in shape as well as colour, so they read without colour too. */
const LEVEL_ICONS: Readonly<Record<string, [string, string | undefined]>> = {
  high: ['error', 'charts.red'],
  medium: ['warning', 'charts.orange'],
  low: ['info', 'charts.blue'],
  none: ['pass', 'charts.green'],
  hidden: ['eye-closed', undefined],
};

const STATE_ICONS: Readonly<Record<string, string>> = {
  atRisk: 'flame',
  confirmedCompromised: 'bug',
  remediated: 'check',
  dismissed: 'circle-slash',
  confirmedSafe: 'verified',
};

export function levelIcon(level: string): vscode.ThemeIcon {
  const [icon, color] = LEVEL_ICONS[level] ?? ['question', undefined];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

export function stateIcon(state: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(STATE_ICONS[state] ?? 'circle-outline');
}

/** Local date and time, minute precision: what a person scans for in a list. */
export function shortTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso || 'unknown time';
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
