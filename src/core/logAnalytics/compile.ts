/**
 * The filter builder's model → a KQL query over a workspace table. The same model a Graph report
 * runs (time range, clauses, one-click intents) reads the table's own columns through its mapping;
 * every value is a literal (core/kql/literals), so no filter text can change the query's shape.
 * Values are checked exactly as for Graph, against the Graph report the table mirrors.
 */
import { categoryById } from '../catalog/categories';
import { type Operator } from '../catalog/types';
import { kqlDatetime, kqlName, kqlNumber, kqlString, kqlStringProblem } from '../kql/literals';
import { checkValue, findTarget, OP_TEXT } from '../odata/build';
import { type ClauseValue, type FilterModel, type FilterProblem, resolveTime } from '../odata/model';
import { type ColumnRef, type WorkspaceTable } from './tables';

export interface CompiledKql {
  readonly query: string;
  /** The ISO 8601 interval the request's `timespan` carries (`start/end`); undefined for all time. */
  readonly timespan: string | undefined;
  readonly range: { readonly fromMs: number; readonly toMs: number } | undefined;
  readonly problems: readonly FilterProblem[];
}

/** Graph's collections the workspace keeps as one string column, matched by term. */
const TERM_COLLECTIONS = new Set(['riskEventTypes_v2']);

function columnExpr(ref: ColumnRef): string {
  if (ref.type !== 'dynamic') return kqlName(ref.column);
  const base = ref.json ? `parse_json(${kqlName(ref.column)})` : kqlName(ref.column);
  return `tostring(${base}${ref.path.map((p) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${kqlString(p)}]`)).join('')})`;
}

function literal(ref: ColumnRef, value: ClauseValue): string {
  if (typeof value === 'number') return ref.type === 'int' ? kqlNumber(value) : kqlString(String(value));
  if (typeof value === 'boolean') return ref.type === 'bool' ? String(value) : kqlString(String(value));
  if (ref.type === 'datetime') return kqlDatetime(Date.parse(value));
  return kqlString(value);
}

const COMPARE: Readonly<Record<Operator, string>> = { eq: '=~', ne: '!~', gt: '>', ge: '>=', lt: '<', le: '<=', startswith: 'startswith', contains: 'contains' };

function comparison(expr: string, ref: ColumnRef, field: string, op: Operator, values: readonly ClauseValue[]): string {
  const exact = ref.type === 'int' || ref.type === 'bool' || ref.type === 'datetime';
  if (TERM_COLLECTIONS.has(field)) {
    const term = op === 'startswith' ? 'hasprefix' : op === 'ne' ? '!has' : 'has';
    const parts = values.map((v) => `${expr} ${term} ${literal(ref, v)}`);
    return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
  }
  if (op === 'eq' && values.length > 1) return `${expr} ${exact ? 'in' : 'in~'} (${values.map((v) => literal(ref, v)).join(', ')})`;
  const symbol = exact && (op === 'eq' || op === 'ne') ? (op === 'eq' ? '==' : '!=') : COMPARE[op];
  const parts = values.map((v) => `${expr} ${symbol} ${literal(ref, v)}`);
  return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
}

export interface CompileOptions {
  readonly nowMs: number;
  /** Narrows the query to one slice of its range, [fromMs, toMs) (exports and adaptive slicing). */
  readonly window?: { readonly fromMs: number; readonly toMs: number };
}

export function compileKql(table: WorkspaceTable, model: FilterModel, options: CompileOptions): CompiledKql {
  const problems: FilterProblem[] = [];
  const lines = [kqlName(table.name)];
  const graph = table.filter ?? (table.graphCategory ? categoryById(table.graphCategory) : undefined);

  const range = options.window ?? resolveTime(model.time, options.nowMs);
  if (range && !(range.fromMs < range.toMs)) problems.push({ message: 'The time range must start before it ends.' });
  // TimeGenerated is the column the workspace partitions by: the range is asked of it. A slice is
  // half-open, so slices that meet neither overlap nor leave a gap.
  if (range && options.window) lines.push(`| where TimeGenerated >= ${kqlDatetime(range.fromMs)} and TimeGenerated < ${kqlDatetime(range.toMs)}`);
  else if (range) lines.push(`| where TimeGenerated between (${kqlDatetime(range.fromMs)} .. ${kqlDatetime(range.toMs)})`);

  // An expert's own KQL condition (checked by the parser first: rawKql.ts), as one condition.
  if (model.raw !== undefined && model.raw.trim() !== '') lines.push(`| where (${model.raw.trim()})`);
  model.clauses.forEach((clause, i) => {
    const ref = table.fields[clause.field];
    const target = graph ? findTarget(graph, clause.field) : undefined;
    const label = target?.spec.label ?? clause.field;
    if (!ref) {
      problems.push({ clause: i, message: `${label} is not a column of ${table.name}.` });
      return;
    }
    if (clause.values.length === 0) {
      problems.push({ clause: i, message: `${label} needs a value.` });
      return;
    }
    if (target && !target.spec.operators.includes(clause.op) && !(clause.op === 'ne' && target.spec.operators.includes('eq'))) {
      problems.push({ clause: i, message: `${label} cannot be filtered with "${OP_TEXT[clause.op]}".` });
      return;
    }
    const bad = clause.values.map((v) => (target ? checkValue(target.spec.kind, clause.op, v, label) : undefined) ?? (typeof v === 'string' ? kqlStringProblem(v) : undefined)).find((x) => x !== undefined);
    if (bad) {
      problems.push({ clause: i, message: bad });
      return;
    }
    lines.push(`| where ${comparison(columnExpr(ref), ref, clause.field, clause.op, clause.values)}`);
  });
  // A workspace holds months: "failures only" is asked of it, not applied to whatever comes back
  // (the panel applies it to the rows too, the same predicate as for Graph).
  if (model.client.some((c) => c.kind === 'failuresOnly') && table.fields['status/errorCode']) lines.push(`| where ${columnExpr(table.fields['status/errorCode'])} != "0"`);
  lines.push('| sort by TimeGenerated desc');

  return {
    query: lines.join('\n'),
    timespan: range ? `${new Date(range.fromMs).toISOString()}/${new Date(range.toMs).toISOString()}` : undefined,
    range,
    problems,
  };
}
