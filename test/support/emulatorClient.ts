/**
 * A small HTTPS client for tests that trusts the fake tenant's CA, plus token helpers that talk to
 * its token endpoint directly (the MSAL suite covers MSAL itself).
 */
import * as https from 'https';
import { type Emulator } from '../../src/emulator';

export interface HttpResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  readonly json: unknown;
}

export function request(emulator: Emulator, url: string, init: { method?: string; token?: string; body?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) {
      headers['Content-Type'] = init.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(init.body));
    }
    const req = https.request(u, { method: init.method ?? 'GET', headers, ca: emulator.caPem ?? undefined, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

export function form(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}

export async function appToken(emulator: Emulator, tenant: string, clientId: string, resource = 'https://graph.microsoft.com'): Promise<string> {
  const t = emulator.info.tenants.find((x) => x.id === tenant || x.domain === tenant);
  const app = t?.apps.find((a) => a.clientId === clientId);
  if (!app?.secret) throw new Error(`no secret for ${clientId}`);
  const res = await request(emulator, `${emulator.origin}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    contentType: 'application/x-www-form-urlencoded',
    body: form({ grant_type: 'client_credentials', client_id: clientId, client_secret: app.secret, scope: `${resource}/.default` }),
  });
  const token = (res.json as { access_token?: string }).access_token;
  if (!token) throw new Error(`token request failed: ${res.text}`);
  return token;
}

export const CONTOSO = '11111111-1111-4111-8111-111111111111';
export const FABRIKAM = '22222222-2222-4222-8222-222222222222';
export const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';
export const LIMITED_APP = 'c0000000-0000-4000-8000-00000000000b';
export const NO_IDP_APP = 'c0000000-0000-4000-8000-00000000000c';
export const UNCONSENTED_APP = 'c0000000-0000-4000-8000-00000000000d';
export const DEVICE_APP = 'c0000000-0000-4000-8000-00000000000e';
export const FABRIKAM_APP = 'd0000000-0000-4000-8000-00000000000a';
