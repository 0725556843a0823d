import * as vscode from 'vscode';
import { type FieldSpec, type FilterSpec, type GraphCategory, type Operator } from '../../core/catalog/types';
import { buildFilter } from '../../core/odata/build';
import { intentsFor } from '../../core/odata/intents';
import { type Clause, type ClauseValue, type ClientFilter, type FilterModel, type FilterProblem, type TimeRange } from '../../core/odata/model';
import { type Prompter } from '../ui/prompter';
import { askCustomRange } from './customRangePrompt';

const OP_LABEL: Record<Operator, string> = { eq: 'equals', ne: 'does not equal', gt: 'after', ge: 'on or after', lt: 'before', le: 'on or before', startswith: 'starts with', contains: 'contains' };

export interface TimeChoice {
  readonly label: string;
  readonly time: TimeRange;
}

/** Graph keeps 30 days at most. */
export const GRAPH_TIMES: readonly TimeChoice[] = [
  { label: 'Last hour', time: { kind: 'last', hours: 1 } },
  { label: 'Last 24 hours', time: { kind: 'last', hours: 24 } },
  { label: 'Last 7 days', time: { kind: 'last', hours: 24 * 7 } },
  { label: 'Last 30 days', time: { kind: 'last', hours: 24 * 30 } },
  { label: 'All available', time: { kind: 'all' } },
];

/** A workspace is where history is kept: the ranges past Graph's 30 days are offered too. */
export const WORKSPACE_TIMES: readonly TimeChoice[] = [
  ...GRAPH_TIMES.slice(0, 4),
  { label: 'Last 60 days', time: { kind: 'last', hours: 24 * 60 } },
  { label: 'Last 90 days', time: { kind: 'last', hours: 24 * 90 } },
  { label: 'Last 180 days', time: { kind: 'last', hours: 24 * 180 } },
  { label: 'All available', time: { kind: 'all' } },
];

export function describeTime(t: TimeRange): string {
  if (t.kind === 'all') return 'All available';
  if (t.kind === 'between') return `${t.from.replace('T', ' ').replace(/:00\.000Z$|\.000Z$/, 'Z').replace(/ 00:00Z$/, '')} → ${t.to.replace('T', ' ').replace(/\.999Z$|\.000Z$/, 'Z').replace(/ 23:59:59Z$/, '')}`;
  return WORKSPACE_TIMES.find((x) => x.time.kind === 'last' && x.time.hours === t.hours)?.label ?? (t.hours % 24 === 0 ? `Last ${t.hours / 24} days` : `Last ${t.hours} hours`);
}

export function describeClause(category: FilterSpec, c: Clause): string {
  const label = category.fields.find((f) => f.path === c.field)?.label ?? category.lambdas.find((l) => c.field.startsWith(l.path))?.label ?? c.field;
  return `${label} ${OP_LABEL[c.op]} ${c.values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(' or ')}${c.valueLabel ? ` (${c.valueLabel})` : ''}`;
}

/** The filter in words; a workspace's raw condition is KQL, added to the clauses rather than replacing them. */
export function describeModel(category: FilterSpec, m: FilterModel, rawLanguage: 'odata' | 'kql' = 'odata'): string {
  const parts = [describeTime(m.time)];
  if (m.raw && rawLanguage === 'odata') parts.push(`$filter: ${m.raw}`);
  else parts.push(...m.clauses.map((c) => describeClause(category, c)), ...(m.raw ? [`KQL: ${m.raw}`] : []));
  if (m.client.some((c) => c.kind === 'failuresOnly')) parts.push('failures only');
  for (const c of m.client) if (c.kind === 'field') parts.push(`${c.label} is ${c.values.join(' or ')} (in loaded rows)`);
  return parts.join(' · ');
}

/** A filter Graph cannot apply, as the filter prompt lists it. */
function clientFilterText(c: ClientFilter): string {
  if (c.kind === 'failuresOnly') return 'Failures only (applied to loaded rows: Graph cannot filter on it)';
  if (c.kind === 'field') return `${c.label} is ${c.values.join(' or ')} (applied to loaded rows: Graph cannot filter on it)`;
  return c.kind;
}

type Item = vscode.QuickPickItem & { action?: () => Promise<FilterModel | 'run' | undefined> };

function parseValue(field: FieldSpec, text: string): ClauseValue {
  if (field.kind.type === 'int') return Number(text);
  if (field.kind.type === 'bool') return text.trim().toLowerCase() === 'true';
  return text.trim();
}

async function customCondition(prompter: Prompter, category: FilterSpec, dialect: RawDialect, model: FilterModel): Promise<FilterModel | undefined> {
  const fields: (FieldSpec & { lambda?: string })[] = [...category.fields, ...category.lambdas.flatMap((l) => (l.item ? [{ path: l.path, label: l.label, kind: l.item.kind, operators: l.item.operators }] : (l.props ?? []).map((p) => ({ ...p, path: `${l.path}/${p.path}`, label: `${l.label}: ${p.label}` }))))];
  const field = await prompter.pick(fields.map((f) => ({ label: f.label, description: `${f.path} · ${f.operators.map((o) => OP_LABEL[o]).join(', ')}`, field: f })), { placeHolder: `Filter on which property? (only what ${dialect.language === 'odata' ? 'Graph' : 'the query'} can filter on is listed)` });
  if (!field) return undefined;
  const f = field.field;
  const op = f.operators.length === 1 ? f.operators[0] : (await prompter.pick(f.operators.map((o) => ({ label: OP_LABEL[o], op: o })), { placeHolder: `${f.label}…` }))?.op;
  if (!op) return undefined;
  let value: string | undefined;
  if (f.kind.type === 'enum') value = (await prompter.pick(f.kind.values.filter((v) => v !== 'unknownFutureValue').map((label) => ({ label })), { placeHolder: `${f.label} ${OP_LABEL[op]}…` }))?.label;
  else if (f.kind.type === 'bool') value = (await prompter.pick([{ label: 'true' }, { label: 'false' }], { placeHolder: f.label }))?.label;
  else {
    value = await prompter.input({
      title: f.label,
      prompt: `${f.label} ${OP_LABEL[op]}… (several values: separate with commas)`,
      validate: (text) => {
        const values = text.split(',').map((v) => v.trim()).filter(Boolean);
        return dialect.problems({ ...model, raw: undefined, clauses: [{ field: f.path, op, values: values.map((v) => parseValue(f, v)) }] })[0]?.message;
      },
    });
  }
  if (value === undefined) return undefined;
  const values = f.kind.type === 'enum' || f.kind.type === 'bool' ? [parseValue(f, value)] : value.split(',').map((v) => v.trim()).filter(Boolean).map((v) => parseValue(f, v));
  return { ...model, raw: undefined, clauses: [...model.clauses.filter((c) => c.field !== f.path), { field: f.path, op, values }] };
}

/** The expert's own condition: Graph's $filter, or KQL for a workspace table. */
export interface RawDialect {
  readonly label: string;
  readonly detail: string;
  readonly title: string;
  readonly prompt: string;
  /** Why the text cannot run (with its place), or undefined. */
  check(text: string, model: FilterModel): string | undefined | Promise<string | undefined>;
  /** A raw $filter stands instead of the clauses; a KQL condition is added to them. */
  readonly language: 'odata' | 'kql';
  /**
   * Why the model (its raw condition aside, which `check` reads) cannot run, by the rules of the
   * service that runs it: Graph's for a report, the workspace's (its retention, its columns) for a table.
   */
  problems(model: FilterModel): readonly FilterProblem[];
}

/** Graph's own condition language, and Graph's rules for the whole filter. */
export function odataRaw(category: GraphCategory, nowMs: () => number): RawDialect {
  return {
    label: '$(code) Raw $filter…',
    detail: 'For experts: checked as you type, the same way',
    title: 'Raw $filter',
    prompt: `$filter for ${category.label} (the time range is added for you)`,
    check: (text, model) => {
      const p = buildFilter(category, { ...model, raw: text }, { nowMs: nowMs() }).problems[0];
      return p ? `${p.position !== undefined ? `At character ${p.position + 1}: ` : ''}${p.message}` : undefined;
    },
    language: 'odata',
    problems: (model) => buildFilter(category, model, { nowMs: nowMs() }).problems,
  };
}

/**
 * The filter, built from clicks: a time range, one-click questions (failures only, one user…),
 * custom conditions limited to what Graph accepts, or a raw `$filter` checked as it is typed.
 * Resolves with the model to run, or undefined when the user leaves.
 */
export async function promptFilter(prompter: Prompter, category: FilterSpec, start: FilterModel, title: string, nowMs: () => number, raw: RawDialect, times: readonly TimeChoice[] = GRAPH_TIMES): Promise<FilterModel | undefined> {
  let model = start;
  for (;;) {
    // A raw condition in another language (KQL) is checked where it is typed, not with the rest.
    const built = { problems: raw.problems(raw.language === 'odata' ? model : { ...model, raw: undefined }) };
    const items: Item[] = [
      { label: '$(play) Run query', description: built.problems.length ? `fix first: ${built.problems[0].message}` : '', detail: describeModel(category, model, raw.language), action: async () => (built.problems.length ? undefined : 'run') },
      { label: 'Time range', kind: vscode.QuickPickItemKind.Separator },
      {
        label: `$(calendar) ${describeTime(model.time)}`,
        description: 'change',
        action: async () => {
          const pick = await prompter.pick([...times.map((t) => ({ label: t.label, time: t.time as TimeRange | undefined })), { label: 'Custom range…', time: undefined }], { placeHolder: 'Time range' });
          if (!pick) return undefined;
          const time = pick.time ?? (await askCustomRange(prompter, 'Query', nowMs(), 1));
          return time ? { ...model, time } : undefined;
        },
      },
      { label: 'Conditions', kind: vscode.QuickPickItemKind.Separator },
      ...model.clauses.map((c, i) => ({ label: `$(close) ${describeClause(category, c)}`, description: 'remove', action: async () => ({ ...model, clauses: model.clauses.filter((_, j) => j !== i) }) })),
      ...model.client.map((c) => ({ label: `$(close) ${clientFilterText(c)}`, description: 'remove', action: async () => ({ ...model, client: model.client.filter((x) => x !== c) }) })),
      ...(model.raw ? [{ label: `$(close) ${raw.language === 'odata' ? '$filter' : 'KQL'}: ${model.raw}`, description: 'remove', action: async () => ({ ...model, raw: undefined }) }] : []),
      { label: 'Add', kind: vscode.QuickPickItemKind.Separator },
      ...intentsFor(category.id).map((intent) => ({
        label: `$(add) ${intent.label}`,
        action: async () => {
          if (!intent.ask) return intent.apply(model);
          const v = await prompter.input({
            title: intent.label,
            prompt: intent.ask.prompt,
            placeHolder: intent.ask.placeholder,
            validate: (text) => (text.trim() ? raw.problems(intent.apply({ ...model, raw: undefined }, text))[0]?.message : 'Enter a value.'),
          });
          return v === undefined ? undefined : intent.apply({ ...model, raw: undefined }, v);
        },
      })),
      { label: '$(filter) Custom condition…', detail: raw.language === 'odata' ? 'Any property Graph can filter on, with the operators it accepts' : 'Any property of the table the builder knows, with the operators it offers', action: () => customCondition(prompter, category, raw, model) },
      {
        label: raw.label,
        detail: raw.detail,
        action: async () => {
          const text = await prompter.input({ title: raw.title, prompt: raw.prompt, value: model.raw ?? '', validate: (t) => (t.trim() === '' ? undefined : raw.check(t, model)) });
          if (text === undefined) return undefined;
          const value = text.trim() || undefined;
          return { ...model, raw: value, clauses: value && raw.language === 'odata' ? [] : model.clauses };
        },
      },
    ];
    const pick = await prompter.pick(items, { title, placeHolder: 'Run, or change the time range and conditions' });
    if (!pick?.action) return undefined;
    const result = await pick.action();
    if (result === 'run') return model;
    if (result) model = result;
  }
}
