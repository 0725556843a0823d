import * as assert from 'assert';
import { type LogSink, redact, RedactingLogger } from '../../../src/core/log/redact';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJ0aWQiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';
const SECRET = 'Abc8Q~secret.value_0123456789';
const DEVICE = 'DAQABAAEAAAD--DLA3VO7QrddgJg7WevrAgDs';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';

describe('core/log: nothing secret reaches the log', () => {
  const messages = [
    `Authorization: Bearer ${TOKEN}`,
    `token ${TOKEN} expired`,
    `{"access_token":"${TOKEN}","refresh_token":"0.AAAA-refresh","id_token":"${TOKEN}"}`,
    `grant_type=client_credentials&client_secret=${SECRET}&scope=x`,
    `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion=${TOKEN}`,
    `device_code=${DEVICE}&client_id=abc`,
    `{"user_code":"GQK9FQGTB","device_code":"${DEVICE}"}`,
    `the pasted secret was ${SECRET}`,
    `key: ${KEY}`,
  ];

  it('redacts tokens, secrets, assertions, keys and device codes at every log level', () => {
    const seen: string[] = [];
    const sink: LogSink = { trace: (m) => seen.push(m), debug: (m) => seen.push(m), info: (m) => seen.push(m), warn: (m) => seen.push(m), error: (m) => seen.push(m) };
    const log = new RedactingLogger(sink);
    log.addSecret(SECRET);
    for (const m of messages) for (const level of ['trace', 'debug', 'info', 'warn', 'error'] as const) log[level](m);
    assert.strictEqual(seen.length, messages.length * 5);
    for (const line of seen) {
      for (const secret of [TOKEN, SECRET, DEVICE, 'GQK9FQGTB', '0.AAAA-refresh', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC']) {
        assert.ok(!line.includes(secret), `leaked in: ${line}`);
      }
    }
  });

  it('each shape on its own, without the secret registered: base64url tokens, any case of Bearer, secrets by key, JSON with spaces', () => {
    // A JWT whose segments use the base64url characters - and _ is removed whole.
    const urlSafe = 'eyJhbGciOi-J_UzI1NiJ9.eyJzdWIiOi-_xyz0123.sig-_abc-_def';
    assert.strictEqual(redact(`token ${urlSafe} end`), 'token [redacted] end');
    // An opaque (not JWT) access token after "bearer" in any case.
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) assert.strictEqual(redact(`Authorization: ${scheme} opaque.Token~123/+=`), `Authorization: ${scheme} [redacted]`);
    // A client secret sent in a form, never registered with the logger.
    assert.strictEqual(redact('grant_type=client_credentials&client_secret=Zz9~unregistered.Secret&scope=x'), 'grant_type=client_credentials&client_secret=[redacted]&scope=x');
    // JSON as people and libraries write it, with spaces around the colon.
    assert.strictEqual(redact('{"access_token" : "opaque-access-123456", "refresh_token":  "0.AAA-r"}'), '{"access_token" : "[redacted]", "refresh_token":  "[redacted]"}');
  });

  it('a registered secret of eight characters or more is redacted wherever it appears; a shorter one is not (it would redact ordinary words)', () => {
    assert.strictEqual(redact('pw Abc12345 and Abc12345 again', ['Abc12345']), 'pw [redacted] and [redacted] again');
    assert.strictEqual(redact('the tenant id abc1234 stays', ['abc1234']), 'the tenant id abc1234 stays');
    // Nothing registered: text that merely looks like a value stays.
    assert.strictEqual(redact('sign-in from 203.0.113.9 failed: 50126'), 'sign-in from 203.0.113.9 failed: 50126');
  });

  it('a private key is replaced by a marker that says one was there, keeping the text around it', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----';
    assert.strictEqual(redact(`loaded ${pem} from file`), 'loaded -----PRIVATE KEY [redacted]----- from file');
    // Two keys are two markers: the match stops at the first END line.
    assert.strictEqual(redact(`${pem} and ${pem.replace(/RSA /g, '')}`), '-----PRIVATE KEY [redacted]----- and -----PRIVATE KEY [redacted]-----');
    // A certificate is public: it stays.
    const cert = '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----';
    assert.strictEqual(redact(cert), cert);
  });

  it('keeps what support needs', () => {
    assert.strictEqual(redact('GET https://graph.microsoft.com/v1.0/auditLogs/signIns?$top=5 -> 429 request-id 1234'), 'GET https://graph.microsoft.com/v1.0/auditLogs/signIns?$top=5 -> 429 request-id 1234');
  });
});
