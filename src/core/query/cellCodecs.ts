/**
 * How a column keeps its cells compactly (columnStore.ts): slots as narrow as the dictionary needs,
 * and times as instants that format back to exactly their text.
 */

/**
 * Each row's slot, in as narrow a typed array as the largest slot so far needs: most columns
 * (statuses, apps, countries, browsers) hold fewer than 256 distinct values, so a byte a row.
 */
export class Slots {
  private a: Uint8Array | Uint16Array | Uint32Array = new Uint8Array(1024);

  get(row: number): number {
    return this.a[row];
  }

  set(row: number, value: number): void {
    const max = this.a instanceof Uint8Array ? 0xff : this.a instanceof Uint16Array ? 0xffff : 0xffffffff;
    if (row >= this.a.length || value > max) {
      const wide = value > 0xffff || this.a instanceof Uint32Array ? Uint32Array : value > 0xff || this.a instanceof Uint16Array ? Uint16Array : Uint8Array;
      const next = new wide(row >= this.a.length ? Math.max(row + 1, this.a.length * 2) : this.a.length);
      next.set(this.a);
      this.a = next;
    }
    this.a[row] = value;
  }
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const DAY_MS = 86_400_000;
/** The shape of every time cell kept as an instant, digits as d, lower-cased. */
export const TIME_SHAPE = 'dddd-dd-dd dd:dd:ddz';

/** The grid's time text for an instant (rows.ts formatTime does the same from the record). */
export function timeText(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `timeText` for a whole-second instant with a four-digit year (the only ones kept as instants),
 * without a Date object for each: a text filter formats every row's time.
 */
export class TimeFormatter {
  private readonly days = new Map<number, string>();
  text(ms: number): string {
    const day = Math.floor(ms / DAY_MS);
    let date = this.days.get(day);
    if (date === undefined) {
      date = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.days.set(day, date);
    }
    const seconds = (ms - day * DAY_MS) / 1000;
    return `${date} ${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}Z`;
  }
}

/** The instant a time cell stands for, when its text is exactly that instant's formatting. */
export function instantOf(text: string): number | undefined {
  if (text.length !== 20) return undefined;
  const ms = Date.parse(text.replace(' ', 'T'));
  return Number.isFinite(ms) && timeText(ms) === text ? ms : undefined;
}
