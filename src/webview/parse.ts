/**
 * Parsers for what crosses the webview boundary. Each narrows an untrusted value to its type or
 * refuses it (undefined), so a protocol is one table from which its methods, its types and its
 * checks all come, and a handler receives a value of the declared type without a cast.
 */
export type Parser<T> = (value: unknown) => T | undefined;

/** The type a parser accepts. */
export type Parsed<P> = P extends Parser<infer T> ? T : never;

/** No parameters: an object (or nothing) whose fields are ignored. */
export const none: Parser<Record<string, never>> = (v) => (v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v)) ? {} : undefined);

export const text =
  (max: number): Parser<string> =>
  (v) =>
    typeof v === 'string' && v.length <= max ? v : undefined;

export const oneOf =
  <T extends string>(...values: readonly T[]): Parser<T> =>
  (v) =>
    values.includes(v as T) ? (v as T) : undefined;

export const flag: Parser<boolean> = (v) => (typeof v === 'boolean' ? v : undefined);

/** An integer in [min, maxExclusive). */
export const integer =
  (min: number, maxExclusive: number): Parser<number> =>
  (v) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) < maxExclusive ? (v as number) : undefined;

export const list =
  <T>(item: Parser<T>, max: number): Parser<readonly T[]> =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return undefined;
    const out: T[] = [];
    for (const x of v) {
      const parsed = item(x);
      if (parsed === undefined) return undefined;
      out.push(parsed);
    }
    return out;
  };

export const nullable =
  <T>(p: Parser<T>): Parser<T | null> =>
  (v) =>
    v === null ? null : p(v);

export const object =
  <S extends Record<string, Parser<unknown>>>(shape: S): Parser<{ readonly [K in keyof S]: Parsed<S[K]> }> =>
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const parsed = shape[key]((v as Record<string, unknown>)[key]);
      if (parsed === undefined) return undefined;
      out[key] = parsed;
    }
    return out as { readonly [K in keyof S]: Parsed<S[K]> };
  };

/** A webview's requests: method → parser of its params. Every request answers with nothing. */
export type RequestTable = Readonly<Record<string, Parser<unknown>>>;

/** The request map a table defines, for the typed host and app connections. */
export type RequestsOf<T extends RequestTable> = { [K in keyof T]: { params: Parsed<T[K]>; result: void } };
