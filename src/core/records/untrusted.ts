/**
 * Every record a service returns is untrusted input (DESIGN rule 2): it may be `null`, a number, a
 * string, or nested deeper than anything the extension walks. Such a record is screened once, where
 * it enters, into an `UnreadableRecord` that keeps its exact text: the grid shows it as unreadable,
 * exports write it verbatim and count it, and the records around it go on as usual.
 */

/**
 * 64 bits of FNV-1a (two 32-bit lanes) as hex: a stable name for a text, not a security measure.
 * Plain arithmetic so the module stays free of node (webview code shares its types).
 */
function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (a >>> 13), 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Deeper than any Graph or Office 365 record (sign-ins nest about six levels). */
export const MAX_RECORD_DEPTH = 32;

/**
 * A record that could not be read as one. A class, not a marker key: a service cannot forge an
 * instance, whereas it could send any key it likes.
 */
export class UnreadableRecord {
  /** A stable id for the grid and de-duplication: the text's hash. */
  readonly id: string;

  constructor(
    readonly reason: string,
    /** The record exactly as the service sent it, as JSON text. */
    readonly raw: string,
  ) {
    this.id = `unreadable-${textHash(raw)}`;
  }
}

/** A record object as a source sent it (its fields still untrusted). */
export type SourceRecord = Record<string, unknown>;

/** What flows from a source: a record object, or one that could not be read. */
export type LogRecord = SourceRecord | UnreadableRecord;

export function isUnreadable(r: unknown): r is UnreadableRecord {
  return r instanceof UnreadableRecord;
}

/** Depth of nested arrays and objects, counted without recursion and given up past `limit`. */
function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return false;
}

/**
 * JSON text of a parsed value without recursion, so a value nested 100,000 levels deep (which
 * makes JSON.stringify overflow the stack) can still be written out exactly.
 */
export function jsonText(value: unknown): string {
  const out: string[] = [];
  type Frame = { readonly items: readonly unknown[]; readonly keys?: readonly string[]; i: number };
  const stack: Frame[] = [];
  const emit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') {
      out.push(JSON.stringify(v) ?? 'null');
    } else if (Array.isArray(v)) {
      out.push('[');
      stack.push({ items: v, i: 0 });
    } else {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== 'function');
      out.push('{');
      stack.push({ items: entries.map(([, x]) => x), keys: entries.map(([k]) => k), i: 0 });
    }
  };
  emit(value);
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.i >= f.items.length) {
      out.push(f.keys ? '}' : ']');
      stack.pop();
      continue;
    }
    if (f.i > 0) out.push(',');
    if (f.keys) out.push(`${JSON.stringify(f.keys[f.i])}:`);
    emit(f.items[f.i++]);
  }
  return out.join('');
}

/** A record as it arrived, or why it cannot be used as one. */
export function screenRecord(value: unknown): LogRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return new UnreadableRecord(`the service sent ${kind} where a record belongs`, jsonText(value));
  }
  if (deeperThan(value, MAX_RECORD_DEPTH)) return new UnreadableRecord(`nested deeper than ${MAX_RECORD_DEPTH} levels`, jsonText(value));
  return value as SourceRecord;
}

/** Screens a page's `value` array; counts what could not be read. */
export function screenPage(values: readonly unknown[]): { records: LogRecord[]; unreadable: number } {
  let unreadable = 0;
  const records = values.map((v) => {
    const r = screenRecord(v);
    if (isUnreadable(r)) unreadable++;
    return r;
  });
  return { records, unreadable };
}

/** One record's JSON for a file: an unreadable one exactly as the service sent it. */
export function recordJson(r: LogRecord, indent?: number): string {
  if (isUnreadable(r)) return r.raw;
  return JSON.stringify(r, null, indent);
}

/** The records that are records (samples for column choosers, tests of content). */
export function readable(records: readonly LogRecord[]): SourceRecord[] {
  return records.filter((r): r is SourceRecord => !isUnreadable(r));
}
