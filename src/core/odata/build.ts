/**
 * Filter model → `$filter`, validated against the catalog before any request: a clause that
 * Graph would refuse is reported here with the reason, instead of as a 400 later.
 */
import { type FilterSpec, type GraphCategory, type FieldSpec, type Operator, type ValueKind } from '../catalog/types';
import { datetimeLiteral, GUID, isIp, quote } from './literals';
import { type Clause, type ClauseValue, type FilterModel, type FilterProblem, resolveTime } from './model';
import { validateRawFilter } from './raw';

export const OP_TEXT: Record<Operator, string> = { eq: 'equals', ne: 'not equals', gt: 'after', ge: 'from', lt: 'before', le: 'until', startswith: 'starts with', contains: 'contains' };

export interface BuiltFilter {
  readonly filter: string | undefined;
  readonly problems: readonly FilterProblem[];
}

export interface Target {
  readonly spec: FieldSpec;
  /** For lambda clauses: the collection and, for object items, the sub-path. */
  readonly lambda?: { readonly collection: string; readonly sub?: string };
}

/** The catalog's description of a filterable property (a field, or an item of a collection). */
export function findTarget(category: FilterSpec, field: string): Target | undefined {
  const spec = category.fields.find((x) => x.path === field);
  if (spec) return { spec };
  for (const l of category.lambdas) {
    if (field === l.path && l.item) return { spec: { path: l.path, label: l.label, kind: l.item.kind, operators: l.item.operators }, lambda: { collection: l.path } };
    if (field.startsWith(`${l.path}/`) && l.props) {
      const sub = field.slice(l.path.length + 1);
      const p = l.props.find((x) => x.path === sub);
      if (p) return { spec: p, lambda: { collection: l.path, sub } };
    }
  }
  return undefined;
}

/** Why a value does not fit its property (a GUID that is not one …), or undefined. Also used for workspace queries. */
export function checkValue(kind: ValueKind, op: Operator, value: ClauseValue, label: string): string | undefined {
  const partial = op === 'startswith' || op === 'contains';
  switch (kind.type) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : `${label} takes a whole number.`;
    case 'bool':
      return typeof value === 'boolean' ? undefined : `${label} takes true or false.`;
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : `${label} takes a date and time.`;
    case 'enum':
      return typeof value === 'string' && kind.values.includes(value) ? undefined : `${label} must be one of: ${kind.values.filter((v) => v !== 'unknownFutureValue').join(', ')}.`;
    case 'guid':
      return typeof value === 'string' && (partial || GUID.test(value)) ? undefined : `${label} is a GUID (00000000-0000-0000-0000-000000000000).`;
    case 'upn':
      return typeof value === 'string' && value !== '' && (partial || value.includes('@')) ? undefined : `${label} is a user principal name such as alice@contoso.com (use "starts with" for part of it).`;
    case 'ip':
      return typeof value === 'string' && (partial ? value !== '' : isIp(value)) ? undefined : `${label} is an IP address (use "starts with" for a prefix such as 185.220.).`;
    case 'country':
      return typeof value === 'string' && (partial || /^[A-Za-z]{2}$/.test(value)) ? undefined : `${label} is a two-letter country or region code such as US.`;
    default:
      return typeof value === 'string' && value !== '' ? undefined : `${label} needs a value.`;
  }
}

function literal(kind: ValueKind, value: ClauseValue): string {
  if (kind.type === 'int') return String(value);
  if (kind.type === 'bool') return value ? 'true' : 'false';
  if (kind.type === 'datetime') return datetimeLiteral(Date.parse(String(value)));
  return quote(String(value));
}

function comparison(path: string, op: Operator, lit: string): string {
  if (op === 'startswith' || op === 'contains') return `${op}(${path}, ${lit})`;
  return `${path} ${op} ${lit}`;
}

function clauseText(target: Target, clause: Clause): string {
  const parts = clause.values.map((v) => {
    const lit = literal(target.spec.kind, v);
    if (!target.lambda) return comparison(target.spec.path, clause.op, lit);
    const item = target.lambda.sub ? `t/${target.lambda.sub}` : 't';
    return `${target.lambda.collection}/any(t: ${comparison(item, clause.op, lit)})`;
  });
  return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
}

export interface BuildOptions {
  readonly nowMs: number;
  /** Retention in days (7 without P1, 30 with P1/P2); older dates are refused by Graph. */
  readonly retentionDays?: number;
}

export function buildFilter(category: GraphCategory, model: FilterModel, options: BuildOptions): BuiltFilter {
  const problems: FilterProblem[] = [];
  const parts: string[] = [];
  if (category.fixedFilter) parts.push(category.fixedFilter);

  const range = resolveTime(model.time, options.nowMs);
  if (range) {
    if (!category.timeProperty || !category.timeOperators) {
      // Categories without a time filter (none today) would list everything.
    } else if (!(range.fromMs < range.toMs)) {
      problems.push({ message: 'The time range must start before it ends.' });
    } else {
      // Graph refuses dates older than the retention window: "last N days" is clamped to it (all
      // there is), while an explicit range that starts earlier is reported.
      const retention = category.throttle === 'reports' ? (options.retentionDays ?? 30) : 3650;
      const oldest = options.nowMs - retention * 86_400_000 + 60_000;
      if (model.time.kind === 'between' && range.fromMs < oldest) {
        problems.push({ message: `Graph keeps these logs for ${retention} days; the range starts before that and Graph would refuse it. Start the range on or after ${new Date(oldest).toISOString().slice(0, 10)}.` });
      }
      const [lower, upper] = category.timeOperators;
      parts.push(`${category.timeProperty} ${lower} ${datetimeLiteral(Math.max(range.fromMs, oldest))}`);
      if (range.toMs < options.nowMs - 60_000 || model.time.kind === 'between') parts.push(`${category.timeProperty} ${upper} ${datetimeLiteral(range.toMs)}`);
    }
  }

  if (model.raw !== undefined && model.raw.trim() !== '') {
    const raw = model.raw.trim();
    problems.push(...validateRawFilter(category, raw));
    parts.push(parts.length > 0 ? `(${raw})` : raw);
  } else {
    model.clauses.forEach((clause, i) => {
      const target = findTarget(category, clause.field);
      if (!target) {
        problems.push({ clause: i, message: `${clause.field} cannot be filtered on ${category.label}.` });
        return;
      }
      if (!target.spec.operators.includes(clause.op)) {
        problems.push({ clause: i, message: `${target.spec.label} cannot be filtered with "${OP_TEXT[clause.op]}": Graph allows only ${target.spec.operators.map((o) => `"${OP_TEXT[o]}"`).join(', ')} on it.` });
        return;
      }
      if (clause.values.length === 0) {
        problems.push({ clause: i, message: `${target.spec.label} needs a value.` });
        return;
      }
      const bad = clause.values.map((v) => checkValue(target.spec.kind, clause.op, v, target.spec.label)).find((x) => x !== undefined);
      if (bad) {
        problems.push({ clause: i, message: bad });
        return;
      }
      parts.push(clauseText(target, clause));
    });
  }
  return { filter: parts.length > 0 ? parts.join(' and ') : undefined, problems };
}
