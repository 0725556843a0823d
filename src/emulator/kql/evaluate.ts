/**
 * Runs a KQL query over the fake workspace's tables by walking Microsoft's syntax tree: the
 * tabular operators people and the extension use (where, project, project-away, extend, take,
 * sort/order, top, summarize with bin(), distinct, count) and the scalar expressions of scalars.ts.
 * Anything else is refused as the service refuses a query it cannot resolve.
 */
import { kind, KqlError, type Node, operands, parseQuery, parts, tokenText } from './parse';
import { binary, callScalar, compareForSort, KDate, KSpan, member, parseDatetime, parseTimespan, toText, type Value } from './scalars';

export interface Column {
  readonly name: string;
  readonly type: string;
}

export type Row = Record<string, Value>;

export interface Tabular {
  readonly columns: readonly Column[];
  readonly rows: Iterable<Row>;
}

export interface EvalContext {
  readonly now: number;
  /** A table's schema and rows; undefined when the workspace has no such table. */
  table(name: string): Tabular | undefined;
}

export interface Result {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

const fail = (message: string): never => {
  throw new KqlError('SemanticError', message);
};

function literal(n: Node): Value {
  const text = tokenText(n);
  if (typeof n.LiteralValue === 'string') return n.LiteralValue;
  if (typeof n.LiteralValue === 'boolean') return n.LiteralValue;
  if (/^datetime\(/i.test(text)) return parseDatetime(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (/^(long|int|real|double)\((.*)\)$/.test(text)) return Number(text.replace(/^\w+\((.*)\)$/, '$1'));
  if (/^(time(span)?\(|\d)/.test(text)) return parseTimespan(text);
  if (/^dynamic\(null\)$|^null$/.test(text)) return null;
  return fail(`The literal ${text} is not supported by this workspace.`);
}

class Scope {
  constructor(
    readonly columns: readonly Column[],
    private readonly now: number,
  ) {}

  private has(name: string): boolean {
    return this.columns.some((c) => c.name === name);
  }

  expr(n: Node, row: Row): Value {
    const k = kind(n);
    const p = operands(n);
    switch (k) {
      case 'LiteralExpression':
        return literal(n);
      case 'NameReference': {
        const name = tokenText(n);
        return this.has(name) ? (row[name] ?? null) : fail(`Failed to resolve scalar expression named '${name}'`);
      }
      case 'BracketedExpression': {
        const name = toText(this.expr(p[0], row));
        return this.has(name) ? (row[name] ?? null) : fail(`Failed to resolve scalar expression named '${name}'`);
      }
      case 'ParenthesizedExpression':
        return this.expr(p[0], row);
      case 'PathExpression':
        return member(this.expr(p[0], row), tokenText(p[1]));
      case 'ElementExpression':
        return member(this.expr(p[0], row), toText(this.expr(operands(p[1])[0], row)));
      case 'PrefixUnaryExpression': {
        const v = this.expr(p[0], row);
        return tokenText(n) === '-' ? (typeof v === 'number' ? -v : v instanceof KSpan ? new KSpan(-v.ms) : null) : v;
      }
      case 'FunctionCallExpression':
        return callScalar(tokenText(p[0]).toLowerCase(), operands(p[1]).map((a) => this.expr(a, row)), this.now);
      case 'BinaryExpression': {
        const [left, op, right] = parts(n);
        const o = op.Text;
        if (o === 'and') return this.expr(left, row) === true && this.expr(right, row) === true;
        if (o === 'or') return this.expr(left, row) === true || this.expr(right, row) === true;
        return binary(o, this.expr(left, row), this.expr(right, row));
      }
      case 'BetweenExpression': {
        const [subject, op, couple] = parts(n);
        const [lo, hi] = operands(couple).map((x) => this.expr(x, row));
        const v = this.expr(subject, row);
        const inside = binary('>=', v, lo) === true && binary('<=', v, hi) === true;
        return op.Text.startsWith('!') ? !inside : inside;
      }
      case 'InExpression': {
        const [subject, op, list] = parts(n);
        const v = this.expr(subject, row);
        const caseless = op.Text.endsWith('~');
        const found = operands(list).some((x) => binary(caseless ? '=~' : '==', v, this.expr(x, row)) === true);
        return op.Text.startsWith('!') ? !found : found;
      }
      default:
        return fail(`The expression '${k}' is not supported by this workspace.`);
    }
  }
}

/** The name a projected or summarized expression gets: its own name, a column's, or Column1… */
function nameOf(n: Node, index: number, fallback = `Column${index + 1}`): { name: string; expr: Node } {
  if (kind(n) === 'SimpleNamedExpression') {
    const [decl, value] = operands(n);
    return { name: tokenText(decl), expr: value };
  }
  if (kind(n) === 'NameReference') return { name: tokenText(n), expr: n };
  if (kind(n) === 'FunctionCallExpression') {
    const first = operands(operands(n)[1])[0];
    if (first && kind(first) === 'NameReference') return { name: tokenText(first), expr: n };
  }
  return { name: fallback, expr: n };
}

function typeOf(v: Value): string {
  if (v instanceof KDate) return 'datetime';
  if (v instanceof KSpan) return 'timespan';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'real';
  if (typeof v === 'boolean') return 'bool';
  if (v !== null && typeof v === 'object') return 'dynamic';
  return 'string';
}

function ordering(n: Node): { expr: Node; descending: boolean } {
  if (kind(n) !== 'OrderedExpression') return { expr: n, descending: true };
  const [expr, clause] = operands(n);
  // KQL sorts descending unless told otherwise.
  return { expr, descending: !(clause && tokenText(clause) === 'asc') };
}

function sortRows(scope: Scope, rows: Row[], keys: readonly Node[]): Row[] {
  const order = keys.map(ordering);
  const keyed = rows.map((row) => ({ row, keys: order.map((o) => scope.expr(o.expr, row)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < order.length; i++) {
      const c = compareForSort(a.keys[i], b.keys[i], order[i].descending);
      if (c !== 0) return c;
    }
    return 0;
  });
  return keyed.map((k) => k.row);
}

function* filter(scope: Scope, rows: Iterable<Row>, predicate: Node): Iterable<Row> {
  for (const row of rows) if (scope.expr(predicate, row) === true) yield row;
}

function* take(rows: Iterable<Row>, n: number): Iterable<Row> {
  if (n <= 0) return;
  let i = 0;
  for (const row of rows) {
    yield row;
    if (++i >= n) return;
  }
}

function project(scope: Scope, input: Tabular, items: readonly Node[], keep: boolean): Tabular {
  const named = items.map((n, i) => nameOf(n, i));
  const rows = [...input.rows].map((row) => {
    const out: Row = keep ? { ...row } : {};
    for (const x of named) out[x.name] = scope.expr(x.expr, row);
    return out;
  });
  const added = named.map((x) => ({ name: x.name, type: input.columns.find((c) => c.name === x.name && kind(x.expr) === 'NameReference')?.type ?? typeOf(rows.find((r) => r[x.name] !== null && r[x.name] !== undefined)?.[x.name]) }));
  const columns = keep ? [...input.columns.filter((c) => !named.some((x) => x.name === c.name)), ...added] : added;
  return { columns, rows };
}

function summarize(scope: Scope, input: Tabular, op: Node): Tabular {
  const ops = operands(op);
  const byClause = ops.find((x) => kind(x) === 'SummarizeByClause');
  const aggregates = ops.filter((x) => x !== byClause).map((n, i) => {
    const named = kind(n) === 'SimpleNamedExpression' ? nameOf(n, i) : undefined;
    const call = named?.expr ?? n;
    if (kind(call) !== 'FunctionCallExpression') return fail('summarize takes aggregation functions such as count().');
    const fn = tokenText(operands(call)[0]).toLowerCase();
    const args = operands(operands(call)[1]);
    return { name: named?.name ?? (args[0] && kind(args[0]) === 'NameReference' ? `${fn}_${tokenText(args[0])}` : `${fn}_`), fn, args };
  });
  const keys = byClause ? operands(byClause).map((n, i) => nameOf(n, i)) : [];
  const groups = new Map<string, { keys: Value[]; rows: Row[] }>();
  for (const row of input.rows) {
    const values = keys.map((k) => scope.expr(k.expr, row));
    const id = JSON.stringify(values.map((v) => (v instanceof KDate ? `d${v.ms}` : toText(v))));
    const g = groups.get(id) ?? { keys: values, rows: [] };
    g.rows.push(row);
    groups.set(id, g);
  }
  const rows = [...groups.values()].map((g) => {
    const out: Row = {};
    keys.forEach((k, i) => (out[k.name] = g.keys[i]));
    for (const a of aggregates) out[a.name] = aggregate(scope, a.fn, a.args, g.rows);
    return out;
  });
  const columns = [...keys.map((k) => ({ name: k.name, type: typeOf(rows[0]?.[k.name]) })), ...aggregates.map((a) => ({ name: a.name, type: a.fn.startsWith('count') || a.fn === 'dcount' ? 'long' : typeOf(rows[0]?.[a.name]) }))];
  return { columns, rows };
}

function aggregate(scope: Scope, fn: string, args: readonly Node[], rows: readonly Row[]): Value {
  const values = () => rows.map((r) => scope.expr(args[0], r)).filter((v) => v !== null && v !== undefined && v !== '');
  switch (fn) {
    case 'count': return rows.length;
    case 'countif': return rows.filter((r) => scope.expr(args[0], r) === true).length;
    case 'dcount': return new Set(values().map(toText)).size;
    case 'min': return values().sort((a, b) => compareForSort(a, b, false))[0] ?? null;
    case 'max': return values().sort((a, b) => compareForSort(a, b, true))[0] ?? null;
    case 'sum': return values().reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    case 'avg': {
      const v = values().filter((x): x is number => typeof x === 'number');
      return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
    }
    case 'take_any':
    case 'any': return values()[0] ?? null;
    default: return fail(`Failed to resolve aggregate function named '${fn}'`);
  }
}

function count(n: Node): number {
  const v = literal(operands(n).find((x) => kind(x) === 'LiteralExpression') ?? fail('A row count is needed.'));
  return typeof v === 'number' ? v : fail('A row count is a number.');
}

function tabular(n: Node, ctx: EvalContext): Tabular {
  const k = kind(n);
  if (k === 'NameReference' || k === 'BracketedExpression') {
    const name = k === 'NameReference' ? tokenText(n) : toText(literal(operands(n)[0]));
    return ctx.table(name) ?? fail(`'${name}' operator: Failed to resolve table or column expression named '${name}'`);
  }
  if (k === 'ParenthesizedExpression') return tabular(operands(n)[0], ctx);
  if (k !== 'PipeExpression') return fail(`The expression '${k}' is not a table this workspace can run.`);
  const [left, op] = operands(n);
  const input = tabular(left, ctx);
  const scope = new Scope(input.columns, ctx.now);
  const ops = operands(op);
  switch (kind(op)) {
    case 'FilterOperator':
      return { columns: input.columns, rows: filter(scope, input.rows, ops[ops.length - 1]) };
    case 'TakeOperator':
      return { columns: input.columns, rows: take(input.rows, count(op)) };
    case 'SortOperator':
      return { columns: input.columns, rows: sortRows(scope, [...input.rows], ops) };
    case 'TopOperator': {
      const by = ops.filter((x) => kind(x) !== 'LiteralExpression');
      return { columns: input.columns, rows: sortRows(scope, [...input.rows], by).slice(0, count(op)) };
    }
    case 'ProjectOperator':
      return project(scope, input, ops, false);
    case 'ExtendOperator':
      return project(scope, input, ops, true);
    case 'ProjectAwayOperator': {
      const away = new Set(ops.map(tokenText));
      const columns = input.columns.filter((c) => !away.has(c.name));
      return { columns, rows: [...input.rows].map((r) => Object.fromEntries(columns.map((c) => [c.name, r[c.name]]))) };
    }
    case 'SummarizeOperator':
      return summarize(scope, input, op);
    case 'DistinctOperator': {
      const projected = project(scope, input, ops, false);
      const seen = new Set<string>();
      return { columns: projected.columns, rows: [...projected.rows].filter((r) => !seen.has(JSON.stringify(r)) && seen.add(JSON.stringify(r)) !== undefined) };
    }
    case 'CountOperator':
      return { columns: [{ name: 'Count', type: 'long' }], rows: [{ Count: [...input.rows].length }] };
    default:
      return fail(`The operator '${tokenText(op)}' is not supported by this workspace.`);
  }
}

/** Runs a query; throws KqlError for what the service would refuse. `limit` caps the rows kept. */
export function evaluate(query: string, ctx: EvalContext, limit = Infinity): Result & { readonly truncated: boolean } {
  const root = parseQuery(query);
  const statements = operands(root).filter((s) => kind(s) === 'ExpressionStatement');
  if (statements.length !== 1) fail('This workspace runs one tabular expression per query (no let or set statements).');
  const result = tabular(operands(statements[0])[0], ctx);
  const rows: Row[] = [];
  let truncated = false;
  for (const row of result.rows) {
    if (rows.length >= limit) {
      truncated = true;
      break;
    }
    rows.push(row);
  }
  return { columns: result.columns, rows, truncated };
}
