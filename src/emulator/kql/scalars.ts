/**
 * KQL's scalar values and what the fake workspace does with them: datetime and timespan as
 * instants and durations, the comparison and string operators (case-insensitive where KQL's are),
 * and the common functions. Anything else is refused in the service's words.
 */
import { KqlError } from './parse';

/** A datetime value (KQL's datetime): milliseconds since the epoch, UTC. */
export class KDate {
  constructor(readonly ms: number) {}
  toJSON(): string {
    return new Date(this.ms).toISOString();
  }
}

/** A timespan value. */
export class KSpan {
  constructor(readonly ms: number) {}
}

export type Value = string | number | boolean | null | KDate | KSpan | Value[] | { readonly [key: string]: Value } | undefined;

const UNITS: Readonly<Record<string, number>> = { d: 86_400_000, day: 86_400_000, days: 86_400_000, h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000, m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000, s: 1000, sec: 1000, second: 1000, seconds: 1000, ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1 };

/** `1d`, `2.5h`, `30m`, `timespan(1d)`, `1.02:03:04` … */
export function parseTimespan(text: string): KSpan {
  const t = text.replace(/^time(span)?\((.*)\)$/, '$2').trim();
  const unit = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(t);
  if (unit && UNITS[unit[2].toLowerCase()] !== undefined) return new KSpan(Number(unit[1]) * UNITS[unit[2].toLowerCase()]);
  const clock = /^(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(t);
  if (clock) return new KSpan(((Number(clock[1] ?? 0) * 24 + Number(clock[2])) * 60 + Number(clock[3])) * 60_000 + Number(clock[4] ?? 0) * 1000 + Number(`0.${clock[5] ?? '0'}`) * 1000);
  throw new KqlError('SyntaxError', `'${text}' is not a timespan.`);
}

/** `datetime(2026-12-01)`, `datetime(2026-12-01T10:00:00Z)`, `datetime(2026-12-01 10:00)`. */
export function parseDatetime(text: string): KDate {
  let t = text.replace(/^datetime\((.*)\)$/, '$1').trim().replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) t += 'T00:00:00';
  if (!/[zZ]|[+-]\d\d:?\d\d$/.test(t)) t += 'Z';
  // Seven fractional digits (the service's own precision) are more than Date.parse reads.
  const ms = Date.parse(t.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(ms)) throw new KqlError('SyntaxError', `'${text}' is not a datetime.`);
  return new KDate(ms);
}

const lower = (v: Value): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : toText(v)).toLowerCase();

/** How a value reads as a string (tostring). */
export function toText(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof KDate) return new Date(v.ms).toISOString();
  if (v instanceof KSpan) return `${v.ms / 1000}s`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A term match (has): the needle is a whole run of letters and digits in the haystack. */
function hasTerm(haystack: string, needle: string, prefixOnly: boolean): boolean {
  const h = haystack.toLowerCase();
  const n = needle.toLowerCase();
  if (n === '') return true;
  for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + 1)) {
    const before = i === 0 || !/[a-z0-9]/.test(h[i - 1]);
    const after = i + n.length >= h.length || !/[a-z0-9]/.test(h[i + n.length]);
    if (before && (prefixOnly || after)) return true;
  }
  return false;
}

function order(a: Value, b: Value): number {
  if (a instanceof KDate && b instanceof KDate) return a.ms - b.ms;
  if (a instanceof KSpan && b instanceof KSpan) return a.ms - b.ms;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a instanceof KDate && typeof b === 'string') return a.ms - parseDatetime(b).ms;
  if (typeof a === 'string' && b instanceof KDate) return parseDatetime(a).ms - b.ms;
  return toText(a) < toText(b) ? -1 : toText(a) > toText(b) ? 1 : 0;
}

function equal(a: Value, b: Value): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && typeof b === 'number') return a === String(b);
  if (typeof a === 'object' || typeof b === 'object') return order(a, b) === 0;
  return a === b;
}

/** Sorting for sort/top: nulls last whichever the direction. */
export function compareForSort(a: Value, b: Value, descending: boolean): number {
  const an = a === null || a === undefined || a === '';
  const bn = b === null || b === undefined || b === '';
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  const c = order(a, b);
  return descending ? -c : c;
}

export function binary(op: string, a: Value, b: Value): Value {
  switch (op) {
    case '==': return equal(a, b);
    case '!=': return !equal(a, b);
    case '=~': return lower(a) === lower(b);
    case '!~': return lower(a) !== lower(b);
    case '<': return order(a, b) < 0;
    case '<=': return order(a, b) <= 0;
    case '>': return order(a, b) > 0;
    case '>=': return order(a, b) >= 0;
    case 'and': return a === true && b === true;
    case 'or': return a === true || b === true;
    case 'has': return hasTerm(toText(a), toText(b), false);
    case '!has': return !hasTerm(toText(a), toText(b), false);
    case 'has_cs': return hasTerm(toText(a), toText(b), false) && toText(a).includes(toText(b));
    case 'hasprefix':
    case 'has_prefix': return hasTerm(toText(a), toText(b), true);
    case 'contains': return lower(a).includes(lower(b));
    case '!contains': return !lower(a).includes(lower(b));
    case 'contains_cs': return toText(a).includes(toText(b));
    case 'startswith': return lower(a).startsWith(lower(b));
    case '!startswith': return !lower(a).startsWith(lower(b));
    case 'endswith': return lower(a).endsWith(lower(b));
    case '!endswith': return !lower(a).endsWith(lower(b));
    case '+':
    case '-': return arithmetic(op, a, b);
    case '*': return typeof a === 'number' && typeof b === 'number' ? a * b : null;
    case '/': return typeof a === 'number' && typeof b === 'number' && b !== 0 ? a / b : null;
    default: throw new KqlError('SemanticError', `The operator '${op}' is not supported by this workspace.`);
  }
}

function arithmetic(op: '+' | '-', a: Value, b: Value): Value {
  const sign = op === '+' ? 1 : -1;
  if (a instanceof KDate && b instanceof KSpan) return new KDate(a.ms + sign * b.ms);
  if (a instanceof KDate && b instanceof KDate && op === '-') return new KSpan(a.ms - b.ms);
  if (a instanceof KSpan && b instanceof KSpan) return new KSpan(a.ms + sign * b.ms);
  if (typeof a === 'number' && typeof b === 'number') return a + sign * b;
  return null;
}

/** A dynamic value from a column: structured as is; a string of JSON parsed (parse_json). */
export function parseJson(v: Value): Value {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as Value;
  } catch {
    return v;
  }
}

/** `value.name` and `value["name"]` on a dynamic value; anything else has no members. */
export function member(v: Value, name: string): Value {
  if (v === null || v === undefined || typeof v !== 'object' || v instanceof KDate || v instanceof KSpan) return null;
  if (Array.isArray(v)) return /^\d+$/.test(name) ? (v[Number(name)] ?? null) : null;
  return Object.prototype.hasOwnProperty.call(v, name) ? (v as Record<string, Value>)[name] : null;
}

/** The scalar functions the fake workspace knows. `now` is the fake tenant's clock. */
export function callScalar(name: string, args: readonly Value[], now: number): Value {
  const [a, b, c] = args;
  switch (name) {
    case 'ago': return new KDate(now - (a instanceof KSpan ? a.ms : 0));
    case 'now': return new KDate(now + (a instanceof KSpan ? a.ms : 0));
    case 'tostring': return toText(a);
    case 'toint':
    case 'tolong':
    case 'toreal':
    case 'todouble': {
      const n = typeof a === 'number' ? a : Number(toText(a));
      return toText(a) === '' || Number.isNaN(n) ? null : name === 'toint' || name === 'tolong' ? Math.trunc(n) : n;
    }
    case 'todatetime': return a instanceof KDate ? a : typeof a === 'string' && !Number.isNaN(Date.parse(a)) ? new KDate(Date.parse(a)) : null;
    case 'tolower': return toText(a).toLowerCase();
    case 'toupper': return toText(a).toUpperCase();
    case 'strlen': return toText(a).length;
    case 'strcat': return args.map(toText).join('');
    case 'isempty': return a === null || a === undefined || a === '';
    case 'isnotempty': return !(a === null || a === undefined || a === '');
    case 'isnull': return a === null || a === undefined;
    case 'isnotnull': return !(a === null || a === undefined);
    case 'not': return a !== true;
    case 'iff':
    case 'iif': return a === true ? b : c;
    case 'parse_json':
    case 'todynamic': return parseJson(a);
    case 'bin':
    case 'floor': return bin(a, b);
    default: throw new KqlError('SemanticError', `Failed to resolve scalar expression named '${name}'`);
  }
}

function bin(v: Value, size: Value): Value {
  if (v instanceof KDate && size instanceof KSpan && size.ms > 0) return new KDate(Math.floor(v.ms / size.ms) * size.ms);
  if (typeof v === 'number' && typeof size === 'number' && size > 0) return Math.floor(v / size) * size;
  return null;
}
