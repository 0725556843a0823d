/**
 * Checks an expert's own `$filter` the same way the builder checks clauses: it is tokenized and
 * parsed (recursive descent), then every comparison is checked against the category's fields and
 * operators. Problems point at the offending token.
 */
import { type GraphCategory, type FieldSpec, type Operator, type ValueKind } from '../catalog/types';
import { type FilterProblem } from './model';

type Tok = { kind: 'word' | 'string' | 'number' | 'date' | 'punct' | 'end'; text: string; pos: number };

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;
const GUID_TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

class RawError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    if (ch === "'") {
      let j = i + 1;
      let text = '';
      while (j < src.length && !(src[j] === "'" && src[j + 1] !== "'")) {
        if (src[j] === "'" && src[j + 1] === "'") {
          text += "'";
          j += 2;
        } else text += src[j++];
      }
      if (j >= src.length) throw new RawError('This quote is never closed. Inside a string, write a quote twice (o\'\'brien).', i);
      // 'o'brien' closes the string after o: the usual mistake is an undoubled quote.
      if (/[\w@.]/.test(src[j + 1] ?? '')) throw new RawError("A quote inside a string must be doubled: write 'o''brien'.", j);
      out.push({ kind: 'string', text, pos: i });
      i = j + 1;
    } else if ('(),:/'.includes(ch)) {
      out.push({ kind: 'punct', text: ch, pos: i++ });
    } else if (GUID_TOKEN.test(rest)) {
      const m = GUID_TOKEN.exec(rest)![0];
      out.push({ kind: 'word', text: m, pos: i });
      i += m.length;
    } else if (DATE.test(rest) && /^\d{4}-/.test(rest)) {
      const m = DATE.exec(rest)![0];
      out.push({ kind: 'date', text: m, pos: i });
      i += m.length;
    } else if (/^-?\d/.test(rest)) {
      const m = /^-?\d+(\.\d+)?/.exec(rest)![0];
      out.push({ kind: 'number', text: m, pos: i });
      i += m.length;
    } else if (/^[A-Za-z_]/.test(rest)) {
      const m = /^[A-Za-z_][\w]*/.exec(rest)![0];
      out.push({ kind: 'word', text: m, pos: i });
      i += m.length;
    } else {
      throw new RawError(`"${ch}" is not allowed here.`, i);
    }
  }
  out.push({ kind: 'end', text: '', pos: src.length });
  return out;
}

type Lit = { kind: 'string' | 'number' | 'date' | 'bool' | 'guid' | 'null'; text: string; pos: number };

interface Ctx {
  readonly category: GraphCategory;
  readonly problems: FilterProblem[];
}

const COMPARE = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCS = new Set(['startswith', 'contains', 'endswith']);

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly ctx: Ctx,
  ) {}

  private peek(o = 0): Tok {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)];
  }
  private take(): Tok {
    return this.toks[this.i++];
  }
  private isWord(w: string): boolean {
    return this.peek().kind === 'word' && this.peek().text.toLowerCase() === w;
  }
  private expect(p: string): void {
    const t = this.take();
    if (t.kind !== 'punct' || t.text !== p) throw new RawError(`Expected "${p}" here.`, t.pos);
  }

  parse(): void {
    this.or();
    const t = this.peek();
    if (t.kind !== 'end') throw new RawError(`Unexpected "${t.text}": join conditions with "and" or "or".`, t.pos);
  }

  private or(lambdaVar?: string, lambda?: string): void {
    this.and(lambdaVar, lambda);
    while (this.isWord('or')) {
      this.take();
      this.and(lambdaVar, lambda);
    }
  }

  private and(lambdaVar?: string, lambda?: string): void {
    this.unary(lambdaVar, lambda);
    while (this.isWord('and')) {
      this.take();
      this.unary(lambdaVar, lambda);
    }
  }

  private unary(lambdaVar?: string, lambda?: string): void {
    if (this.isWord('not')) {
      const t = this.take();
      this.ctx.problems.push({ message: 'Graph does not support "not" on these reports.', position: t.pos });
      this.unary(lambdaVar, lambda);
      return;
    }
    const t = this.peek();
    if (t.kind === 'punct' && t.text === '(') {
      this.take();
      this.or(lambdaVar, lambda);
      this.expect(')');
      return;
    }
    if (t.kind === 'word' && FUNCS.has(t.text.toLowerCase()) && this.peek(1).text === '(') {
      this.take();
      this.take();
      const prop = this.path();
      this.expect(',');
      const lit = this.literal();
      this.expect(')');
      this.check(prop, t.text.toLowerCase() as Operator, lit, lambdaVar, lambda);
      return;
    }
    const prop = this.path();
    if (this.peek().kind === 'punct' && this.peek().text === '/' && this.peek(1).kind === 'word' && ['any', 'all'].includes(this.peek(1).text)) {
      this.take();
      const q = this.take();
      this.expect('(');
      const v = this.take();
      if (v.kind !== 'word') throw new RawError('Expected a variable name, as in any(t: t eq \'x\').', v.pos);
      this.expect(':');
      const collection = prop.path.join('/');
      const spec = this.ctx.category.lambdas.find((l) => l.path === collection);
      const fixed = collection === 'signInEventTypes' && this.ctx.category.fixedFilter;
      if (!spec && !fixed) this.ctx.problems.push({ message: `${collection} cannot be filtered with any() here.`, position: prop.pos });
      if (q.text === 'all') this.ctx.problems.push({ message: 'Graph supports any(), not all(), on these collections.', position: q.pos });
      this.or(v.text, collection);
      this.expect(')');
      return;
    }
    const op = this.take();
    if (op.kind !== 'word' || !COMPARE.has(op.text.toLowerCase())) throw new RawError(`Expected an operator (eq, ge, le…) after ${prop.path.join('/')}.`, op.pos);
    const lit = this.literal();
    this.check(prop, op.text.toLowerCase() as Operator, lit, lambdaVar, lambda, op.pos);
  }

  private path(): { path: string[]; pos: number } {
    const t = this.take();
    if (t.kind !== 'word') throw new RawError(t.kind === 'end' ? 'The filter ends too early.' : `Expected a property name, not "${t.text}".`, t.pos);
    const path = [t.text];
    while (this.peek().kind === 'punct' && this.peek().text === '/' && this.peek(1).kind === 'word' && !['any', 'all'].includes(this.peek(1).text)) {
      this.take();
      path.push(this.take().text);
    }
    return { path, pos: t.pos };
  }

  private literal(): Lit {
    const t = this.take();
    if (t.kind === 'string') return { kind: 'string', text: t.text, pos: t.pos };
    if (t.kind === 'number') return { kind: 'number', text: t.text, pos: t.pos };
    if (t.kind === 'date') return { kind: 'date', text: t.text, pos: t.pos };
    if (t.kind === 'word' && (t.text === 'true' || t.text === 'false')) return { kind: 'bool', text: t.text, pos: t.pos };
    if (t.kind === 'word' && t.text === 'null') return { kind: 'null', text: t.text, pos: t.pos };
    if (t.kind === 'word' && GUID_TOKEN.test(t.text)) return { kind: 'guid', text: t.text, pos: t.pos };
    throw new RawError(t.kind === 'end' ? 'A value is missing at the end.' : `Expected a value, not "${t.text}". Strings go in single quotes.`, t.pos);
  }

  private check(prop: { path: string[]; pos: number }, op: Operator, lit: Lit, lambdaVar?: string, lambda?: string, opPos?: number): void {
    let spec: { kind: ValueKind; operators: readonly Operator[]; label: string } | undefined;
    let name = prop.path.join('/');
    if (lambdaVar && lambda) {
      if (prop.path[0] !== lambdaVar) {
        this.ctx.problems.push({ message: `Inside any(), refer to the item as ${lambdaVar}.`, position: prop.pos });
        return;
      }
      const l = this.ctx.category.lambdas.find((x) => x.path === lambda);
      name = `${lambda} item`;
      if (lambda === 'signInEventTypes') spec = { kind: { type: 'enum', values: ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity'] }, operators: ['eq'], label: 'signInEventTypes' };
      // A collection any() cannot take was refused already: its items have nothing more to say.
      else if (!l) return;
      else if (prop.path.length === 1 && l.item) spec = { ...l.item, label: l.label };
      else if (prop.path.length === 1) {
        const example = l.props?.[0]?.path ?? 'id';
        this.ctx.problems.push({ message: `Each ${lambda} item is an object: compare one of its properties, as in ${lambdaVar}/${example} eq '…'.`, position: prop.pos });
        return;
      } else {
        const sub = prop.path.slice(1).join('/');
        const p = l.props?.find((x: FieldSpec) => x.path === sub);
        if (p) spec = p;
        name = `${lambda} item ${sub}`;
      }
    } else {
      spec = this.ctx.category.fields.find((x) => x.path === name);
      if (!spec && name === this.ctx.category.timeProperty) spec = { kind: { type: 'datetime' }, operators: this.ctx.category.timeOperators ? ['eq', ...this.ctx.category.timeOperators] : ['eq'], label: name };
    }
    if (!spec) {
      this.ctx.problems.push({ message: `${name} is not a property Graph filters on for ${this.ctx.category.label}.`, position: prop.pos });
      return;
    }
    if (!spec.operators.includes(op)) {
      this.ctx.problems.push({ message: `${name} does not support ${op}; Graph allows ${spec.operators.join(', ')}.`, position: opPos ?? prop.pos });
      return;
    }
    const k = spec.kind.type;
    const fail = (message: string) => this.ctx.problems.push({ message, position: lit.pos });
    if (k === 'datetime') {
      if (lit.kind === 'string') fail(`Dates are not quoted: write ${name} ${op} ${lit.text} without the quotes.`);
      else if (lit.kind !== 'date') fail(`${name} takes a date such as 2024-01-01T00:00:00Z.`);
    } else if (k === 'int') {
      if (lit.kind !== 'number' || lit.text.includes('.')) fail(`${name} takes a whole number, without quotes.`);
    } else if (k === 'bool') {
      if (lit.kind !== 'bool') fail(`${name} takes true or false, without quotes.`);
    } else if (lit.kind !== 'string') {
      fail(lit.kind === 'guid' ? `GUIDs are strings here: write '${lit.text}' in single quotes.` : `${name} takes a string in single quotes.`);
    } else if (spec.kind.type === 'enum' && !spec.kind.values.includes(lit.text)) {
      fail(`'${lit.text}' is not a value of ${name}; use one of ${spec.kind.values.filter((v) => v !== 'unknownFutureValue').join(', ')}.`);
    }
  }
}

export function validateRawFilter(category: GraphCategory, raw: string): FilterProblem[] {
  const ctx: Ctx = { category, problems: [] };
  try {
    new Parser(lex(raw), ctx).parse();
  } catch (e) {
    if (e instanceof RawError) ctx.problems.push({ message: e.message, position: e.pos });
    else throw e;
  }
  return ctx.problems;
}
