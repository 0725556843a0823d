/**
 * The page a person opens to enter a device code, standing in for microsoft.com/devicelogin. It
 * lets the person pick which of the tenant's users signs in. Every value on it is escaped.
 */
import type * as http from 'http';
import { type EmulatorConfig } from '../config';
import { readBody } from './respond';
import { type Sts } from './sts';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export function devicePage(config: EmulatorConfig, message = ''): string {
  const options = config.tenants
    .flatMap((t) => t.users.map((u) => `<option value="${escapeHtml(u.userPrincipalName)}">${escapeHtml(u.userPrincipalName)} (${escapeHtml(u.roles.join(', ') || 'no role')})</option>`))
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake tenant sign-in</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'self'">
<style>body{font:15px system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b}label{display:block;margin:1rem 0 .3rem}input,select{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}button{margin-top:1.2rem;font:inherit;padding:.5rem 1.2rem}p.msg{padding:.6rem;background:#eef6ee}</style></head>
<body><h1>Sign in to the fake tenant</h1><p>This page stands in for the Entra ID device login page. Enter the code your app shows and choose who signs in.</p>
${message ? `<p class="msg">${escapeHtml(message)}</p>` : ''}
<form method="post"><label for="code">Code</label><input id="code" name="user_code" autocomplete="off" required>
<label for="user">Sign in as</label><select id="user" name="user">${options}</select>
<button type="submit" name="action" value="approve">Continue</button> <button type="submit" name="action" value="decline">Decline</button></form></body></html>`;
}

export async function handleDevicePage(req: http.IncomingMessage, res: http.ServerResponse, sts: Sts, config: EmulatorConfig): Promise<void> {
  let message = '';
  if (req.method === 'POST') {
    const form = new URLSearchParams(await readBody(req));
    const r = sts.approveDeviceCode(form.get('user_code') ?? '', form.get('user') ?? undefined, form.get('action') === 'decline');
    message = r.ok ? (form.get('action') === 'decline' ? 'Sign-in declined. You can close this page.' : 'Signed in. You can close this page and return to VS Code.') : `That did not work: ${r.reason}.`;
  }
  const html = devicePage(config, message);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}
