/**
 * The typed message envelope shared by the extension host and every webview app.
 * Each app declares its own maps of requests and notifications on top of these, so the compiler
 * checks both ends. The webview sends `ready` before the host posts anything; replies are matched to
 * requests by id.
 */

/** A request map: method name -> { params, result }. */
export type RequestMap = Record<string, { params: unknown; result: unknown }>;
/** A notification map: method name -> params. */
export type NotificationMap = Record<string, unknown>;

/**
 * Messages cross a trust boundary (the webview renders hostile log text), so the receiving side
 * checks the envelope's shape before looking at its contents.
 */
export function isEnvelope(value: unknown): value is { kind: string } {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'ready' || kind === 'request' || kind === 'response' || kind === 'notification';
}

export function isRequestMessage(value: unknown): value is { kind: 'request'; id: number; method: string; params: unknown } {
  if (!isEnvelope(value) || value.kind !== 'request') return false;
  const v = value as { id?: unknown; method?: unknown };
  return Number.isSafeInteger(v.id) && typeof v.method === 'string';
}

export function isNotificationMessage(value: unknown): value is { kind: 'notification'; method: string; params: unknown } {
  return isEnvelope(value) && value.kind === 'notification' && typeof (value as { method?: unknown }).method === 'string';
}

export function isResponseMessage(value: unknown): value is { kind: 'response'; id: number; ok: boolean; result?: unknown; error?: string } {
  if (!isEnvelope(value) || value.kind !== 'response') return false;
  const v = value as { id?: unknown; ok?: unknown };
  return Number.isSafeInteger(v.id) && typeof v.ok === 'boolean';
}
