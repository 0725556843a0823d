/**
 * A custom time range as people type it: a UTC date (a whole day) or a UTC time. One copy for the
 * query builder and for Export, so both accept and refuse the same text.
 */
import { type TimeRange } from './model';

/** Milliseconds for a date (start or end of that UTC day) or a time (UTC unless a zone is given). */
export function parseInstant(text: string, endOfDay: boolean): number {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return Date.parse(`${t}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`);
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(t)) return NaN;
  return Date.parse((/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t}Z`).replace(' ', 'T'));
}

export const INSTANT_HINT = 'A date (2026-11-15) or a UTC time (2026-11-15T08:00:00Z).';

/** Why the text is not an instant, or undefined when it is. */
export function instantProblem(text: string): string | undefined {
  return Number.isNaN(parseInstant(text, false)) ? INSTANT_HINT : undefined;
}

/**
 * The range from two typed ends: `to` is capped at now, and a range that ends before it starts is
 * refused with the reason (the prompt shows it and asks again).
 */
export function customRange(fromText: string, toText: string, nowMs: number): { range: TimeRange } | { problem: string } {
  const from = parseInstant(fromText, false);
  const to = Math.min(parseInstant(toText, true), nowMs);
  if (Number.isNaN(from) || Number.isNaN(to)) return { problem: INSTANT_HINT };
  if (to <= from) return { problem: `The range ends (${new Date(to).toISOString()}) before it starts (${new Date(from).toISOString()}).` };
  return { range: { kind: 'between', from: new Date(from).toISOString(), to: new Date(to).toISOString() } };
}
