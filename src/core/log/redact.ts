/**
 * Tokens, secrets, assertions, keys and device codes must never reach a log. Everything the
 * extension logs passes through here first.
 */

const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
const SENSITIVE_KEYS = ['access_token', 'refresh_token', 'id_token', 'client_secret', 'client_assertion', 'assertion', 'device_code', 'user_code', 'userCode', 'deviceCode', 'code', 'password', 'passphrase', 'secret', 'clientSecret', 'privateKey', 'accessToken', 'refreshToken', 'idToken'];
const KEYS = SENSITIVE_KEYS.join('|');
// "key": "value"  and  key=value (form or query)
const JSON_PAIR = new RegExp(`("(?:${KEYS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g');
const FORM_PAIR = new RegExp(`\\b((?:${KEYS})=)[^&\\s"']+`, 'g');
const PEM_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;

export const REDACTED = '[redacted]';

/** Redacts known secret shapes, plus any exact secret values the caller registered. */
export function redact(text: string, knownSecrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    // Short values would redact ordinary words; real secrets are long.
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(PEM_KEY, `-----PRIVATE KEY ${REDACTED}-----`)
    .replace(JWT, REDACTED)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(JSON_PAIR, `$1"${REDACTED}"`)
    .replace(FORM_PAIR, `$1${REDACTED}`);
}

export interface LogSink {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type Logger = LogSink;

/** A logger that redacts every message before it reaches the sink. */
export class RedactingLogger implements Logger {
  private readonly secrets = new Set<string>();

  constructor(private readonly sink: LogSink) {}

  /** Secret values this session knows about (pasted client secrets, for example). */
  addSecret(value: string): void {
    this.secrets.add(value);
  }

  trace(message: string): void {
    this.sink.trace(redact(message, this.secrets));
  }
  debug(message: string): void {
    this.sink.debug(redact(message, this.secrets));
  }
  info(message: string): void {
    this.sink.info(redact(message, this.secrets));
  }
  warn(message: string): void {
    this.sink.warn(redact(message, this.secrets));
  }
  error(message: string): void {
    this.sink.error(redact(message, this.secrets));
  }
}

export const NULL_LOGGER: Logger = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
