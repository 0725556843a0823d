import * as vscode from 'vscode';
import { diagnose, summarize } from '../../core/diagnose/classify';
import { type Pacer } from '../../core/http/pacer';
import { type Logger } from '../../core/log/redact';
import { signInVersion } from '../query/signInVersion';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type RiskyEntity, serverFilter, toEntity } from '../../core/triage/riskyEntities';
import { type TriageSubject } from '../../core/triage/subjects';
import { TriageApi } from '../../core/triage/triageApi';
import { type TenantSessions } from '../tenants/sessions';
import { type TriageSelection } from './triageSelection';

export type SubjectLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly entities: readonly RiskyEntity[] }
  | { readonly kind: 'failed'; readonly summary: string; readonly code: string };

type Json = Record<string, unknown>;

export const TRIAGE_SUBJECTS: readonly TriageSubject[] = ['users', 'servicePrincipals'];

/**
 * The risky users and service principals of the selected tenant, loaded on demand and again after
 * every action, plus each one's detections and history when its node is opened.
 */
export class TriageModel implements vscode.Disposable {
  private readonly loads = new Map<TriageSubject, SubjectLoad>();
  private readonly children = new Map<string, Promise<Json[]>>();
  private generation = 0;
  private loadedFor: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly deps: { readonly sessions: TenantSessions; readonly pacer: Pacer; readonly log: Logger; readonly selection: TriageSelection },
  ) {}

  async api(tenant: TenantConfig): Promise<TriageApi> {
    const { client, endpoints } = await this.deps.sessions.apiClient(tenant, this.deps.pacer);
    return new TriageApi(client, endpoints.graphOrigin, signInVersion());
  }

  /** What is known for a subject; starts loading the selected tenant's lists when nothing is. */
  state(subject: TriageSubject): SubjectLoad {
    const tenant = this.deps.selection.tenant();
    if (tenant && this.loadedFor !== this.keyOf(tenant)) void this.reload();
    return this.loads.get(subject) ?? { kind: 'loading' };
  }

  /** What the lists were read for: the tenant and the one filter Graph applies (the others are done here). */
  private keyOf(tenant: TenantConfig): string {
    return `${tenant.key}|${this.deps.selection.filter().updatedWithinDays ?? ''}`;
  }

  /** After a filter change: read again only when Graph's part of the filter changed. */
  needsReload(): boolean {
    const tenant = this.deps.selection.tenant();
    return (tenant ? this.keyOf(tenant) : undefined) !== this.loadedFor;
  }

  private current: Promise<void> = Promise.resolve();

  /** Reads both lists again (after an action, a filter change or Refresh). */
  reload(): Promise<void> {
    this.current = this.read();
    return this.current;
  }

  private async read(): Promise<void> {
    const tenant = this.deps.selection.tenant();
    const generation = ++this.generation;
    this.children.clear();
    // The same tenant keeps showing its last lists while they are read again: no flicker, no lost scroll.
    if (!tenant || this.loadedFor?.split('|')[0] !== tenant.key) this.loads.clear();
    if (!tenant) {
      this.loadedFor = undefined;
      this.changed.fire();
      return;
    }
    this.loadedFor = this.keyOf(tenant);
    this.changed.fire();
    const filter = serverFilter(this.deps.selection.filter(), Date.now());
    let api: TriageApi;
    try {
      api = await this.api(tenant);
    } catch (e) {
      const d = diagnose(e);
      for (const s of TRIAGE_SUBJECTS) this.loads.set(s, { kind: 'failed', summary: summarize(d), code: d.code });
      this.changed.fire();
      return;
    }
    // Users first: the pacer spaces the two calls a second apart anyway.
    for (const subject of TRIAGE_SUBJECTS) {
      let load: SubjectLoad;
      try {
        const records = await api.list(subject, filter);
        load = { kind: 'loaded', entities: records.map((r) => toEntity(subject, r)).filter((e): e is RiskyEntity => e !== undefined) };
      } catch (e) {
        const d = diagnose(e);
        this.deps.log.warn(`Risky ${subject} of ${tenant.displayName} could not be read: ${summarize(d)}`);
        load = { kind: 'failed', summary: summarize(d), code: d.code };
      }
      if (generation !== this.generation) return;
      this.loads.set(subject, load);
      this.changed.fire();
    }
  }

  /** Resolves when the current load has finished (tests, and actions that need fresh state). */
  async settled(): Promise<void> {
    this.state('users');
    let seen: Promise<void> | undefined;
    while (seen !== this.current) {
      seen = this.current;
      await seen;
    }
  }

  entities(): RiskyEntity[] {
    return TRIAGE_SUBJECTS.flatMap((s) => {
      const l = this.loads.get(s);
      return l?.kind === 'loaded' ? [...l.entities] : [];
    });
  }

  private cached(key: string, read: () => Promise<Json[]>): Promise<Json[]> {
    let p = this.children.get(key);
    if (!p) {
      p = read();
      this.children.set(key, p);
      // A failure is shown once, then tried again the next time the node opens.
      p.catch(() => this.children.delete(key));
    }
    return p;
  }

  async detections(entity: RiskyEntity): Promise<Json[]> {
    const tenant = this.deps.selection.tenant();
    if (!tenant) return [];
    return this.cached(`d:${entity.subject}:${entity.id}`, async () => (await this.api(tenant)).detections(entity.subject, entity.id));
  }

  /** Newest first. */
  async history(entity: RiskyEntity): Promise<Json[]> {
    const tenant = this.deps.selection.tenant();
    if (!tenant) return [];
    return this.cached(`h:${entity.subject}:${entity.id}`, async () => {
      const list = await (await this.api(tenant)).history(entity.subject, entity.id);
      const t = (r: Json) => Date.parse(typeof r.riskLastUpdatedDateTime === 'string' ? r.riskLastUpdatedDateTime : '') || 0;
      return list.sort((a, b) => t(b) - t(a));
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
