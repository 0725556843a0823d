/**
 * A real OData v4 `$filter` parser for the subset Graph's reporting endpoints accept:
 * comparisons, and/or/not, parentheses, startswith/endswith/contains, and any/all lambdas.
 * Strings are single-quoted with '' for a quote; datetimes and GUIDs are unquoted literals.
 */
import { type CompareOp, type Expr, FilterSyntaxError, type Operand } from './ast';

type Token =
  | { t: 'ident'; v: string; pos: number }
  | { t: 'string'; v: string; pos: number }
  | { t: 'number'; v: number; pos: number }
  | { t: 'datetime'; v: number; text: string; pos: number }
  | { t: 'guid'; v: string; pos: number }
  | { t: 'punct'; v: '(' | ')' | ',' | ':' | '/'; pos: number }
  | { t: 'end'; pos: number };

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}(?![\dT:])/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?(?![\w.:-])/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const rest = input.slice(i);
    if (c === "'") {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= input.length) throw new FilterSyntaxError('Unterminated string literal', i);
        if (input[j] === "'") {
          if (input[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += input[j++];
      }
      tokens.push({ t: 'string', v: value, pos: i });
      i = j + 1;
      continue;
    }
    if ('(),:/'.includes(c)) {
      tokens.push({ t: 'punct', v: c as '(' | ')' | ',' | ':' | '/', pos: i });
      i++;
      continue;
    }
    let m = DATETIME.exec(rest);
    if (m) {
      const ms = Date.parse(m[0]);
      if (Number.isNaN(ms)) throw new FilterSyntaxError(`Invalid datetime literal ${m[0]}`, i);
      tokens.push({ t: 'datetime', v: ms, text: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    m = GUID.exec(rest);
    if (m) {
      tokens.push({ t: 'guid', v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    m = DATE_ONLY.exec(rest);
    if (m) {
      const ms = Date.parse(`${m[0]}T00:00:00Z`);
      if (Number.isNaN(ms)) throw new FilterSyntaxError(`Invalid date literal ${m[0]}`, i);
      tokens.push({ t: 'datetime', v: ms, text: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    m = NUMBER.exec(rest);
    if (m) {
      tokens.push({ t: 'number', v: Number(m[0]), pos: i });
      i += m[0].length;
      continue;
    }
    m = IDENT.exec(rest);
    if (m) {
      tokens.push({ t: 'ident', v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    throw new FilterSyntaxError(`Unexpected character '${c}'`, i);
  }
  tokens.push({ t: 'end', pos: input.length });
  return tokens;
}

const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['startswith', 'endswith', 'contains']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const e = this.orExpr();
    const t = this.peek();
    if (t.t !== 'end') throw new FilterSyntaxError(`Unexpected ${describe(t)}`, t.pos);
    return e;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private next(): Token {
    return this.tokens[this.i++];
  }

  private isWord(word: string): boolean {
    const t = this.peek();
    return t.t === 'ident' && t.v.toLowerCase() === word;
  }

  private expectPunct(p: string): void {
    const t = this.next();
    if (t.t !== 'punct' || t.v !== p) throw new FilterSyntaxError(`Expected '${p}' but found ${describe(t)}`, t.pos);
  }

  private orExpr(): Expr {
    let left = this.andExpr();
    while (this.isWord('or')) {
      const pos = this.next().pos;
      left = { kind: 'or', left, right: this.andExpr(), pos };
    }
    return left;
  }

  private andExpr(): Expr {
    let left = this.unary();
    while (this.isWord('and')) {
      const pos = this.next().pos;
      left = { kind: 'and', left, right: this.unary(), pos };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isWord('not')) {
      const pos = this.next().pos;
      return { kind: 'not', expr: this.unary(), pos };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.t === 'punct' && t.v === '(') {
      this.next();
      const e = this.orExpr();
      this.expectPunct(')');
      return e;
    }
    if (t.t === 'ident' && FUNCTIONS.has(t.v.toLowerCase()) && this.tokens[this.i + 1]?.t === 'punct' && (this.tokens[this.i + 1] as { v: string }).v === '(') {
      this.next();
      this.next();
      const args: Operand[] = [this.operand()];
      while (this.peek().t === 'punct' && (this.peek() as { v: string }).v === ',') {
        this.next();
        args.push(this.operand());
      }
      this.expectPunct(')');
      const call: Expr = { kind: 'call', name: t.v.toLowerCase() as 'startswith', args, pos: t.pos };
      return this.maybeCompareBool(call);
    }
    if (t.t === 'ident') {
      const lambda = this.tryLambda();
      if (lambda) return lambda;
    }
    const left = this.operand();
    const opTok = this.next();
    if (opTok.t !== 'ident' || !COMPARE_OPS.has(opTok.v.toLowerCase())) {
      throw new FilterSyntaxError(`Expected a comparison operator (eq, ne, gt, ge, lt, le) but found ${describe(opTok)}`, opTok.pos);
    }
    const right = this.operand();
    return { kind: 'compare', op: opTok.v.toLowerCase() as CompareOp, left, right, pos: opTok.pos };
  }

  /** `startswith(a,'b') eq true` is the same as `startswith(a,'b')`. */
  private maybeCompareBool(call: Expr): Expr {
    if (this.isWord('eq')) {
      const save = this.i;
      this.next();
      const v = this.peek();
      if (v.t === 'ident' && (v.v === 'true' || v.v === 'false')) {
        this.next();
        return v.v === 'true' ? call : { kind: 'not', expr: call, pos: call.pos };
      }
      this.i = save;
    }
    return call;
  }

  private tryLambda(): Expr | undefined {
    const start = this.i;
    const path: string[] = [];
    const first = this.next() as { t: 'ident'; v: string; pos: number };
    path.push(first.v);
    while (this.peek().t === 'punct' && (this.peek() as { v: string }).v === '/') {
      this.next();
      const seg = this.next();
      if (seg.t !== 'ident') throw new FilterSyntaxError(`Expected a property name after '/' but found ${describe(seg)}`, seg.pos);
      if ((seg.v === 'any' || seg.v === 'all') && this.peek().t === 'punct' && (this.peek() as { v: string }).v === '(') {
        this.next();
        const variable = this.next();
        if (variable.t !== 'ident') throw new FilterSyntaxError(`Expected a lambda variable but found ${describe(variable)}`, variable.pos);
        this.expectPunct(':');
        const body = this.orExpr();
        this.expectPunct(')');
        return { kind: 'lambda', quantifier: seg.v, collection: path, variable: variable.v, body, pos: seg.pos };
      }
      path.push(seg.v);
    }
    this.i = start;
    return undefined;
  }

  private operand(): Operand {
    const t = this.next();
    switch (t.t) {
      case 'string':
        return { kind: 'string', value: t.v, pos: t.pos };
      case 'number':
        return { kind: 'number', value: t.v, pos: t.pos };
      case 'datetime':
        return { kind: 'datetime', value: t.v, text: t.text, pos: t.pos };
      case 'guid':
        return { kind: 'guid', value: t.v, pos: t.pos };
      case 'ident': {
        if (t.v === 'true' || t.v === 'false') return { kind: 'bool', value: t.v === 'true', pos: t.pos };
        if (t.v === 'null') return { kind: 'null', pos: t.pos };
        const path = [t.v];
        while (this.peek().t === 'punct' && (this.peek() as { v: string }).v === '/') {
          this.next();
          const seg = this.next();
          if (seg.t !== 'ident') throw new FilterSyntaxError(`Expected a property name after '/' but found ${describe(seg)}`, seg.pos);
          path.push(seg.v);
        }
        return { kind: 'prop', path, pos: t.pos };
      }
      default:
        throw new FilterSyntaxError(`Expected a property or a value but found ${describe(t)}`, t.pos);
    }
  }
}

function describe(t: Token): string {
  switch (t.t) {
    case 'end':
      return 'the end of the filter';
    case 'string':
      return `'${t.v}'`;
    case 'punct':
      return `'${t.v}'`;
    case 'datetime':
      return t.text;
    default:
      return String(t.v);
  }
}

export function parseFilter(input: string): Expr {
  if (input.trim() === '') throw new FilterSyntaxError('The filter is empty', 0);
  return new Parser(tokenize(input)).parse();
}
