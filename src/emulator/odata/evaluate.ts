/** Compiles a validated `$filter` into a predicate over JSON records. */
import { type Expr, type Literal, type Operand } from './ast';

type Json = unknown;
type Scope = Map<string, Json>;

function get(record: Json, path: readonly string[], scope: Scope): Json {
  let v: Json;
  let start = 0;
  if (scope.has(path[0])) {
    v = scope.get(path[0]);
    start = 1;
  } else v = record;
  for (let i = start; i < path.length; i++) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, Json>)[path[i]];
  }
  return v;
}

function literalValue(l: Literal): Json {
  switch (l.kind) {
    case 'null':
      return null;
    case 'datetime':
      return l.value;
    default:
      return l.value;
  }
}

export function compileFilter(expr: Expr, caseSensitive: boolean): (record: Json) => boolean {
  const norm = (s: string) => (caseSensitive ? s : s.toLowerCase());
  const operand = (o: Operand, record: Json, scope: Scope): Json => (o.kind === 'prop' ? get(record, o.path, scope) : literalValue(o));

  const compare = (op: string, a: Json, b: Json, bIsDate: boolean): boolean => {
    if (bIsDate && typeof a === 'string') a = Date.parse(a);
    if (typeof a === 'string' && typeof b === 'string') {
      a = norm(a);
      b = norm(b);
    }
    if (a === undefined) a = null;
    switch (op) {
      case 'eq':
        return a === b;
      case 'ne':
        return a !== b;
    }
    if (a === null || b === null) return false;
    const x = a as number | string;
    const y = b as number | string;
    switch (op) {
      case 'gt':
        return x > y;
      case 'ge':
        return x >= y;
      case 'lt':
        return x < y;
      case 'le':
        return x <= y;
    }
    return false;
  };

  const build = (e: Expr): ((record: Json, scope: Scope) => boolean) => {
    switch (e.kind) {
      case 'and': {
        const l = build(e.left);
        const r = build(e.right);
        return (rec, s) => l(rec, s) && r(rec, s);
      }
      case 'or': {
        const l = build(e.left);
        const r = build(e.right);
        return (rec, s) => l(rec, s) || r(rec, s);
      }
      case 'not': {
        const inner = build(e.expr);
        return (rec, s) => !inner(rec, s);
      }
      case 'compare': {
        const isDate = e.right.kind === 'datetime';
        return (rec, s) => compare(e.op, operand(e.left, rec, s), operand(e.right, rec, s), isDate);
      }
      case 'call': {
        const [a, b] = e.args;
        return (rec, s) => {
          const x = operand(a, rec, s);
          const y = operand(b, rec, s);
          if (typeof x !== 'string' || typeof y !== 'string') return false;
          const hx = norm(x);
          const hy = norm(y);
          return e.name === 'startswith' ? hx.startsWith(hy) : e.name === 'endswith' ? hx.endsWith(hy) : hx.includes(hy);
        };
      }
      case 'lambda': {
        const body = build(e.body);
        return (rec, s) => {
          const items = get(rec, e.collection, s);
          if (!Array.isArray(items)) return false;
          const test = (item: Json) => {
            const inner = new Map(s);
            inner.set(e.variable, item);
            return body(rec, inner);
          };
          return e.quantifier === 'any' ? items.some(test) : items.every(test);
        };
      }
    }
  };

  const predicate = build(expr);
  return (record) => predicate(record, new Map());
}

/** Time bounds implied by the top-level AND chain, for turning a time filter into an index range. */
export function timeBounds(expr: Expr, timeProperty: string): { geMs: number; leMs: number } {
  let geMs = -Infinity;
  let leMs = Infinity;
  const visit = (e: Expr) => {
    if (e.kind === 'and') {
      visit(e.left);
      visit(e.right);
    } else if (e.kind === 'compare' && e.left.kind === 'prop' && e.left.path.join('/') === timeProperty && e.right.kind === 'datetime') {
      const v = e.right.value;
      if (e.op === 'ge') geMs = Math.max(geMs, v);
      else if (e.op === 'gt') geMs = Math.max(geMs, v + 1);
      else if (e.op === 'le') leMs = Math.min(leMs, v);
      else if (e.op === 'lt') leMs = Math.min(leMs, v - 1);
      else if (e.op === 'eq') {
        geMs = Math.max(geMs, v);
        leMs = Math.min(leMs, v);
      }
    }
  };
  visit(expr);
  return { geMs, leMs };
}

/** The values a top-level `collection/any(t: t eq 'x' or …)` conjunct allows, or undefined. */
export function lambdaEqValues(expr: Expr, collection: string): Set<string> | undefined {
  let found: Set<string> | undefined;
  const collect = (e: Expr, variable: string, out: Set<string>): boolean => {
    if (e.kind === 'or') return collect(e.left, variable, out) && collect(e.right, variable, out);
    if (e.kind === 'compare' && e.op === 'eq' && e.left.kind === 'prop' && e.left.path.length === 1 && e.left.path[0] === variable && e.right.kind === 'string') {
      out.add(e.right.value);
      return true;
    }
    return false;
  };
  const visit = (e: Expr) => {
    if (e.kind === 'and') {
      visit(e.left);
      visit(e.right);
    } else if (e.kind === 'lambda' && e.collection.join('/') === collection) {
      const out = new Set<string>();
      if (collect(e.body, e.variable, out)) found = found ? new Set([...found].filter((v) => out.has(v))) : out;
    }
  };
  visit(expr);
  return found;
}
