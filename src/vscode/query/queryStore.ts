import * as vscode from 'vscode';
import { type CategoryId } from '../../core/catalog/types';
import { type ClientFilter, type Clause, type FilterModel, type TimeRange } from '../../core/odata/model';
import { parseFieldFilter } from '../../core/query/rowFilters';

export interface SavedQuery {
  readonly id: string;
  readonly name: string;
  readonly category: CategoryId;
  readonly model: FilterModel;
}

const SAVED = (tenantKey: string) => `identityLogs.savedQueries.${tenantKey}`;
const LAST = (tenantKey: string, category: string) => `identityLogs.lastQuery.${tenantKey}.${category}`;
const COLUMNS = (category: string) => `identityLogs.columns.${category}`;

/** Stored state is re-checked on the way in: a hand-edited or older entry must not break a query. */
export function parseModel(v: unknown): FilterModel | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const m = v as { time?: unknown; clauses?: unknown; client?: unknown; raw?: unknown };
  const t = m.time as TimeRange | undefined;
  const timeOk = t && ((t.kind === 'last' && typeof t.hours === 'number') || (t.kind === 'between' && typeof t.from === 'string' && typeof t.to === 'string') || t.kind === 'all');
  if (!timeOk || !Array.isArray(m.clauses) || !Array.isArray(m.client)) return undefined;
  const clauses = (m.clauses as unknown[]).filter((c): c is Clause => typeof c === 'object' && c !== null && typeof (c as Clause).field === 'string' && typeof (c as Clause).op === 'string' && Array.isArray((c as Clause).values));
  const client = (m.client as unknown[]).flatMap((c): ClientFilter[] => {
    if (typeof c !== 'object' || c === null || typeof (c as ClientFilter).kind !== 'string') return [];
    if ((c as ClientFilter).kind !== 'field') return [c as ClientFilter];
    const field = parseFieldFilter(c);
    return field ? [{ kind: 'field', ...field }] : [];
  });
  return { time: t as TimeRange, clauses, client, ...(typeof m.raw === 'string' ? { raw: m.raw } : {}) };
}

/** Saved queries per tenant, the last query per category, and the chosen columns per category. */
export class QueryStore {
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  saved(tenantKey: string): SavedQuery[] {
    const raw = this.state.get<unknown[]>(SAVED(tenantKey)) ?? [];
    return raw.flatMap((q) => {
      const s = q as Partial<SavedQuery>;
      const model = parseModel(s.model);
      return typeof s.id === 'string' && typeof s.name === 'string' && typeof s.category === 'string' && model ? [{ id: s.id, name: s.name, category: s.category, model }] : [];
    });
  }

  async save(tenantKey: string, query: SavedQuery): Promise<void> {
    await this.state.update(SAVED(tenantKey), [...this.saved(tenantKey).filter((q) => q.id !== query.id), query]);
    this.changed.fire(tenantKey);
  }

  async remove(tenantKey: string, id: string): Promise<void> {
    await this.state.update(SAVED(tenantKey), this.saved(tenantKey).filter((q) => q.id !== id));
    this.changed.fire(tenantKey);
  }

  last(tenantKey: string, category: CategoryId): FilterModel | undefined {
    return parseModel(this.state.get(LAST(tenantKey, category)));
  }

  async setLast(tenantKey: string, category: CategoryId, model: FilterModel): Promise<void> {
    await this.state.update(LAST(tenantKey, category), model);
    this.changed.fire(tenantKey);
  }

  columns(category: CategoryId): string[] | undefined {
    const v = this.state.get<unknown>(COLUMNS(category));
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  }

  async setColumns(category: CategoryId, visible: readonly string[]): Promise<void> {
    await this.state.update(COLUMNS(category), visible);
  }

  async forgetTenant(tenantKey: string): Promise<void> {
    for (const key of this.state.keys()) if (key === SAVED(tenantKey) || key.startsWith(`identityLogs.lastQuery.${tenantKey}.`)) await this.state.update(key, undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
