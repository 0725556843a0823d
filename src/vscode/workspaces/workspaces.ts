/**
 * The Log Analytics workspaces added under each tenant (ids and names in globalState; nothing
 * secret), their connection (the tenant's own credential, asking for the Log Analytics resource),
 * and which Entra tables each one receives, found by asking each table for one row.
 */
import * as vscode from 'vscode';
import { diagnose, summarize } from '../../core/diagnose/classify';
import { type RequestStats } from '../../core/http/client';
import { type Pacer } from '../../core/http/pacer';
import { ServiceError } from '../../core/http/serviceError';
import { findWorkspaces, type WorkspaceSearch } from '../../core/arm/findWorkspaces';
import { LogAnalyticsApi } from '../../core/logAnalytics/queryApi';
import { type WorkspaceTable, WORKSPACE_TABLES } from '../../core/logAnalytics/tables';
import { GRAPH_SHAPED_TABLES } from '../../core/logAnalytics/toGraph';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type TenantSessions } from '../tenants/sessions';

export interface SavedWorkspace {
  readonly id: string;
  readonly name: string;
}

/** Whether a table has rows: receiving, present but empty in the retention, or not sent here at all. */
export type TableState = 'receiving' | 'empty' | 'notReceived';

export type WorkspaceState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'loaded'; readonly tables: ReadonlyMap<string, TableState> }
  | { readonly kind: 'failed'; readonly code: string; readonly summary: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = (tenantKey: string) => `identityLogs.workspaces.${tenantKey}`;

/**
 * The tables that open in a results panel: those whose rows are read in the shape of a Graph report
 * (sign-ins, audits, provisioning, risk detections, risky users), so its grid columns, filters and
 * detail panel fit them. The tree lists every Entra table, so a user sees what the workspace receives.
 */
export const BROWSABLE_TABLES: readonly WorkspaceTable[] = WORKSPACE_TABLES.filter((t) => (t.graphCategory !== undefined || t.filter !== undefined) && GRAPH_SHAPED_TABLES.has(t.name));

/** A saved entry as read back: the file is ours but may be edited, so each one is checked. */
function parseSaved(value: unknown): SavedWorkspace[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    const w = v as { id?: unknown; name?: unknown } | null;
    return typeof w?.id === 'string' && GUID.test(w.id) && typeof w.name === 'string' && w.name.length <= 200 ? [{ id: w.id.toLowerCase(), name: w.name }] : [];
  });
}

export class Workspaces implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly states = new Map<string, WorkspaceState>();

  constructor(
    private readonly memento: vscode.Memento,
    private readonly sessions: TenantSessions,
    private readonly pacer: Pacer,
  ) {}

  list(tenantKey: string): SavedWorkspace[] {
    return parseSaved(this.memento.get(KEY(tenantKey)));
  }

  async add(tenantKey: string, workspace: SavedWorkspace): Promise<void> {
    if (!GUID.test(workspace.id)) throw new Error('A workspace id is a GUID.');
    const others = this.list(tenantKey).filter((w) => w.id !== workspace.id.toLowerCase());
    await this.memento.update(KEY(tenantKey), [...others, { id: workspace.id.toLowerCase(), name: workspace.name }]);
    this.changed.fire();
  }

  async remove(tenantKey: string, id: string): Promise<void> {
    await this.memento.update(KEY(tenantKey), this.list(tenantKey).filter((w) => w.id !== id));
    this.states.delete(`${tenantKey}:${id}`);
    this.changed.fire();
  }

  /** The workspaces the tenant's credential can find through Azure Resource Manager (a role such as Reader on their subscription). */
  async find(tenant: TenantConfig): Promise<WorkspaceSearch> {
    const { client, endpoints } = await this.sessions.apiClient(tenant, this.pacer);
    return findWorkspaces(client, endpoints.armOrigin);
  }

  /** A connection to the tenant's workspaces, signed in with its credential. */
  async api(tenant: TenantConfig): Promise<{ api: LogAnalyticsApi; origin: string; stats: RequestStats }> {
    const { client, endpoints } = await this.sessions.apiClient(tenant, this.pacer);
    return { api: new LogAnalyticsApi(client, endpoints.logAnalyticsOrigin), origin: endpoints.logAnalyticsOrigin, stats: client.stats };
  }

  state(tenant: TenantConfig, workspace: SavedWorkspace): WorkspaceState {
    return this.states.get(`${tenant.key}:${workspace.id}`) ?? { kind: 'unknown' };
  }

  /** Asks each Entra table for one row, four at a time. A refusal that is not "no such table" stops the probe: it is about access. */
  async probe(tenant: TenantConfig, workspace: SavedWorkspace): Promise<WorkspaceState> {
    let result: WorkspaceState;
    try {
      const { api } = await this.api(tenant);
      const tables = new Map<string, TableState>();
      const queue = [...WORKSPACE_TABLES];
      const worker = async () => {
        for (let t = queue.shift(); t; t = queue.shift()) {
          const name = t.name;
          try {
            const r = await api.query({ workspaceId: workspace.id, query: `${name} | take 1 | project TimeGenerated`, waitSeconds: 60 });
            tables.set(name, r.records.length > 0 ? 'receiving' : 'empty');
          } catch (e) {
            if (e instanceof ServiceError && e.innerCode === 'SemanticError') tables.set(name, 'notReceived');
            else throw e;
          }
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      result = { kind: 'loaded', tables };
    } catch (e) {
      const d = diagnose(e);
      result = { kind: 'failed', code: d.code, summary: summarize(d) };
    }
    this.states.set(`${tenant.key}:${workspace.id}`, result);
    return result;
  }

  /** The tables a workspace receives (probed once, if it was not yet); none when it cannot be read. */
  async received(tenant: TenantConfig, workspace: SavedWorkspace): Promise<ReadonlySet<string>> {
    let state = this.state(tenant, workspace);
    if (state.kind === 'unknown') state = await this.probe(tenant, workspace);
    return new Set(state.kind === 'loaded' ? [...state.tables].filter(([, s]) => s === 'receiving').map(([name]) => name) : []);
  }

  /** The tenant's saved workspaces that receive a table. */
  async receiving(tenant: TenantConfig, table: string): Promise<SavedWorkspace[]> {
    const out: SavedWorkspace[] = [];
    for (const w of this.list(tenant.key)) if ((await this.received(tenant, w)).has(table)) out.push(w);
    return out;
  }

  /** Forgets what the probes found, so the tree asks again. */
  refresh(): void {
    this.states.clear();
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
