/** Checks a parsed `$filter` against an endpoint's rules; the first problem is reported. */
import { type Expr, FilterSyntaxError, type Literal, type Operand, type PropertyRef } from './ast';
import { type EndpointRules, type PropRule, type ValueKind } from './rules';

export interface ValidationContext {
  readonly rules: EndpointRules;
  /** Datetime literals on the time property older than this are refused (retention). */
  readonly oldestAllowedMs?: number;
}

function fail(message: string, pos: number): never {
  throw new FilterSyntaxError(message, pos);
}

function checkLiteral(kind: ValueKind, lit: Literal, path: string): void {
  if (kind === 'datetime') {
    if (lit.kind === 'string') fail(`${path} takes an unquoted datetime literal, not a quoted string`, lit.pos);
    if (lit.kind !== 'datetime') fail(`${path} takes a datetime literal`, lit.pos);
    return;
  }
  if (kind === 'int') {
    if (lit.kind !== 'number' || !Number.isInteger(lit.value)) fail(`${path} takes an integer`, lit.pos);
    return;
  }
  if (kind === 'bool') {
    if (lit.kind !== 'bool') fail(`${path} takes true or false`, lit.pos);
    return;
  }
  if (lit.kind !== 'string') fail(`${path} takes a quoted string`, lit.pos);
  if (typeof kind === 'object' && !kind.enum.includes(lit.value)) fail(`'${lit.value}' is not a value of ${path}`, lit.pos);
}

function split(left: Operand, right: Operand, pos: number): [PropertyRef, Literal] {
  if (left.kind === 'prop' && right.kind !== 'prop') return [left, right];
  fail('A comparison needs a property on the left and a value on the right', pos);
}

export function validateFilter(expr: Expr, ctx: ValidationContext): void {
  const visit = (e: Expr, lambda?: { variable: string; collection: string }) => {
    switch (e.kind) {
      case 'and':
      case 'or':
        visit(e.left, lambda);
        visit(e.right, lambda);
        return;
      case 'not':
        if (!ctx.rules.allowNot) fail("'not' is not supported on this endpoint", e.pos);
        visit(e.expr, lambda);
        return;
      case 'lambda': {
        if (lambda) fail('Nested lambda expressions are not supported', e.pos);
        const name = e.collection.join('/');
        if (!ctx.rules.lambdas[name]) fail(`${name} cannot be filtered with a lambda`, e.pos);
        if (e.quantifier !== 'any') fail(`Only 'any' is supported on ${name}`, e.pos);
        visit(e.body, { variable: e.variable, collection: name });
        return;
      }
      case 'compare': {
        const [prop, lit] = split(e.left, e.right, e.pos);
        const rule = ruleFor(prop, lambda);
        if (!rule.ops.includes(e.op)) fail(`${prop.path.join('/')} does not support '${e.op}' (supported: ${rule.ops.join(', ')}${rule.fns ? ', ' + rule.fns.join(', ') : ''})`, e.pos);
        checkLiteral(rule.kind, lit, prop.path.join('/'));
        if (!lambda && prop.path.join('/') === ctx.rules.timeProperty && lit.kind === 'datetime' && ctx.oldestAllowedMs !== undefined && lit.value < ctx.oldestAllowedMs) {
          fail(`${lit.text} is older than the tenant's retention window`, lit.pos);
        }
        return;
      }
      case 'call': {
        if (e.args.length !== 2) fail(`${e.name} takes two arguments`, e.pos);
        const [a, b] = e.args;
        if (a.kind !== 'prop' || b.kind === 'prop') fail(`${e.name} takes a property and a value`, e.pos);
        const rule = ruleFor(a, lambda);
        if (!rule.fns?.includes(e.name)) fail(`${a.path.join('/')} does not support ${e.name}`, e.pos);
        if (b.kind !== 'string') fail(`${e.name} takes a quoted string`, b.pos);
        return;
      }
    }
  };

  const ruleFor = (prop: PropertyRef, lambda?: { variable: string; collection: string }): PropRule => {
    if (lambda) {
      const lr = ctx.rules.lambdas[lambda.collection];
      if (prop.path[0] !== lambda.variable) fail(`Inside the lambda, refer to items as ${lambda.variable}`, prop.pos);
      if (prop.path.length === 1 && lr.item) return lr.item;
      const sub = prop.path.slice(1).join('/');
      const r = lr.props?.[sub];
      if (!r) fail(`${lambda.collection} items cannot be filtered on ${sub || 'themselves'}`, prop.pos);
      return r;
    }
    const name = prop.path.join('/');
    const r = ctx.rules.props[name];
    if (!r) fail(`${name} is not a filterable property here`, prop.pos);
    return r;
  };

  visit(expr);
}
