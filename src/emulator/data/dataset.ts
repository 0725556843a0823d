/**
 * One tenant's data: directory, sign-ins, audits, provisioning, risk and O365 content. Record
 * streams are computed on demand; only the directory and the risky-user state live in memory.
 */
import { type License, retentionDays, type TenantConfig } from '../config';
import { mix32, STREAM } from '../random';
import { auditAt } from './audits';
import { buildDirectory, type DirectoryUser } from './directory';
import { BLOB_HOURS, blobInfo, type BlobInfo, blobRecords, type ContentType, CONTENT_TYPES, type O365Sources } from './o365';
import { provisioningAt } from './provisioning';
import { chooseRiskyUsers, initialRiskyServicePrincipals, initialRiskyUsers, type RiskyServicePrincipalState, riskDetectionCount, riskDetectionFrom, riskDetectionSignInIndex, type RiskyUserState, servicePrincipalDetections, type SignInVerdict } from './risk';
import { type SignInContext, signInAt, signInIndexFromId, type SignInRecord } from './signIns';
import { planStory, type Story } from './story';
import { movedSignIn, storyAudit, type StoryContext, storyRiskyAdmin, storySignIn } from './storyRecords';
import { type Vocabulary, vocabulary } from './tables';
import { indexRange, isoTime, type Timeline } from './timeline';

export interface DatasetSizes {
  /** Sign-ins of all event types together. */
  readonly signIns: number;
  readonly audits: number;
  readonly provisioning: number;
  readonly users: number;
  /** How far back the data reaches, in days (capped by the tenant's retention). */
  readonly spanDays: number;
  /**
   * Hostile text among names, user agents and audit values (the tests' fixture); the demo tenant
   * turns it off so people trying the product see believable data.
   */
  readonly hostileText: boolean;
  /** The seeded attack story (the demo tenant's); off for the tests' background data. */
  readonly story: boolean;
  /** Records of a stream that share each millisecond (a burst mode for tests); 1 when unset. */
  readonly recordsPerMs?: number;
}

export function defaultSizes(signIns = 5000): DatasetSizes {
  return {
    signIns,
    audits: Math.max(200, Math.round(signIns / 4)),
    provisioning: Math.max(60, Math.round(signIns / 20)),
    users: 150,
    spanDays: 7,
    hostileText: true,
    story: false,
  };
}

/** The demo tenant: believable names and the seeded attack story. */
export function demoSizes(signIns = 5000): DatasetSizes {
  return { ...defaultSizes(signIns), hostileText: false, story: true };
}

const DAY = 86_400_000;
/** How far back the fake workspaces' history reaches (a workspace keeps what its retention allows of it). */
export const WORKSPACE_HISTORY_DAYS = 90;

export class TenantData {
  readonly seed: number;
  readonly license: License;
  readonly users: DirectoryUser[];
  readonly riskyDirectoryUsers: DirectoryUser[];
  readonly signInTimeline: Timeline;
  readonly auditTimeline: Timeline;
  readonly provisioningTimeline: Timeline;
  readonly riskyUsers: Map<string, RiskyUserState>;
  readonly riskyServicePrincipals: Map<string, RiskyServicePrincipalState>;
  readonly retentionMs: number;
  private readonly signInCtx: SignInContext;
  readonly vocab: Vocabulary;
  /** The demo's attack story, when the sizes ask for it. */
  readonly story: Story | undefined;
  private readonly storyCtx: StoryContext;

  constructor(
    seed: number,
    readonly tenant: TenantConfig,
    readonly anchorMs: number,
    readonly sizes: DatasetSizes,
  ) {
    this.seed = mix32(seed, STREAM.tenant, Number.parseInt(tenant.id.slice(0, 8), 16));
    this.license = tenant.license;
    this.retentionMs = retentionDays(tenant.license) * DAY;
    const spanMs = Math.min(sizes.spanDays * DAY, this.retentionMs) - 60_000;
    this.vocab = vocabulary(sizes.hostileText);
    this.users = buildDirectory(this.seed, tenant, Math.max(sizes.users, tenant.users.length + 1), this.vocab);
    this.riskyDirectoryUsers = chooseRiskyUsers(this.users);
    const perMs = sizes.recordsPerMs ?? 1;
    this.signInTimeline = { anchorMs, spanMs, count: sizes.signIns, perMs };
    this.auditTimeline = { anchorMs, spanMs, count: sizes.audits, perMs };
    this.provisioningTimeline = { anchorMs, spanMs, count: sizes.provisioning, perMs };
    this.signInCtx = { seed: this.seed, timeline: this.signInTimeline, tenantId: tenant.id, license: tenant.license, users: this.users, riskyUsers: this.riskyDirectoryUsers, vocab: this.vocab };
    this.riskyUsers = new Map(initialRiskyUsers(this.seed, this.riskyDirectoryUsers, anchorMs, tenant.license).map((u) => [u.id, u]));
    this.storyCtx = { seed: this.seed, tenantId: tenant.id, license: tenant.license, vocab: this.vocab };
    this.story = sizes.story
      ? planStory({ seed: this.seed, signInTimeline: this.signInTimeline, auditTimeline: this.auditTimeline, users: this.users, riskyUsers: this.riskyDirectoryUsers, grantor: this.users[0], signInStream: STREAM.signIn, auditStream: STREAM.audit })
      : undefined;
    const admin = this.story?.cast.admin;
    const adminState = admin && this.riskyUsers.get(admin.id);
    if (this.story && adminState) this.riskyUsers.set(adminState.id, storyRiskyAdmin(adminState, this.signIn(this.story.cast.adminRiskyIndex), this.license));
    this.riskyServicePrincipals = new Map(initialRiskyServicePrincipals(this.seed, this.vocab.workloads.filter((w) => !w.managed), anchorMs, tenant.license).map((p) => [p.id, p]));
  }

  /** Admins' verdicts on risky sign-ins, by lower-case request id: they change what the records say. */
  readonly signInVerdicts = new Map<string, SignInVerdict>();

  signIn(index: number): SignInRecord {
    const record = this.storySignInAt(index);
    const verdict = this.signInVerdicts.size > 0 ? this.signInVerdicts.get(String(record.json.id)) : undefined;
    if (!verdict) return record;
    const { atMs: _, ...fields } = verdict;
    return { ...record, json: Object.assign({}, record.json, fields) };
  }

  /** The index of the sign-in with this request id, if the tenant has one. */
  signInIndexOf(requestId: string): number | undefined {
    const i = signInIndexFromId(this.seed, requestId);
    return i !== undefined && i < this.sizes.signIns && this.storySignInAt(i).json.id === requestId.toLowerCase() ? i : undefined;
  }

  private storySignInAt(index: number): SignInRecord {
    const record = signInAt(this.signInCtx, index);
    if (!this.story) return record;
    const beat = this.story.signIns.get(index);
    if (beat) return storySignIn(this.storyCtx, record, beat);
    const moved = this.story.movedSignIns.get(index);
    return moved ? movedSignIn(this.storyCtx, record, moved) : record;
  }

  signInRange(geMs: number, leMs: number): [number, number] {
    return indexRange(this.seed, STREAM.signIn, this.signInTimeline, geMs, leMs);
  }

  private history: SignInContext | undefined;

  /**
   * Sign-ins older than Graph's span, which only a workspace (kept longer) still holds: the same
   * generator at the same rate, on a timeline that continues where Graph's ends, with its own seed.
   */
  private historyContext(): SignInContext {
    if (this.history) return this.history;
    this.history = { ...this.signInCtx, seed: mix32(this.seed, STREAM.workspaceHistory), timeline: this.historyTimeline(this.signInTimeline) };
    return this.history;
  }

  /** Every sign-in a workspace holds between the two instants, newest first: Graph's, then the older history. */
  *workspaceSignIns(geMs: number, leMs: number): Generator<SignInRecord> {
    const [from, to] = this.signInRange(geMs, leMs);
    for (let i = from; i < to; i++) yield this.signIn(i);
    const h = this.historyContext();
    const [hFrom, hTo] = indexRange(h.seed, STREAM.signIn, h.timeline, geMs, leMs);
    for (let i = hFrom; i < hTo; i++) yield signInAt(h, i);
  }

  /** A report's timeline continued back to the workspace history's start, with its own seed (see historyContext). */
  private historyTimeline(t: Timeline): Timeline {
    const spanMs = WORKSPACE_HISTORY_DAYS * DAY - t.spanMs;
    return { anchorMs: t.anchorMs - t.spanMs, spanMs, count: Math.min(2_000_000, Math.round((t.count * spanMs) / t.spanMs)) };
  }

  /**
   * Directory audits a workspace holds between the two instants: Graph's, then older ones only the
   * workspace keeps. `key` tells them apart (Graph's index, or a negative one for the history).
   */
  *workspaceAudits(geMs: number, leMs: number): Generator<{ readonly key: number; readonly record: Record<string, unknown> }> {
    const [from, to] = this.auditRange(geMs, leMs);
    for (let i = from; i < to; i++) yield { key: i, record: this.audit(i) };
    const ctx = { seed: mix32(this.seed, STREAM.workspaceHistory, STREAM.audit), timeline: this.historyTimeline(this.auditTimeline), users: this.users, vocab: this.vocab };
    const [hFrom, hTo] = indexRange(ctx.seed, STREAM.audit, ctx.timeline, geMs, leMs);
    for (let i = hFrom; i < hTo; i++) yield { key: -1 - i, record: auditAt(ctx, i) };
  }

  /** Provisioning events a workspace holds between the two instants, as workspaceAudits. */
  *workspaceProvisioning(geMs: number, leMs: number): Generator<{ readonly key: number; readonly record: Record<string, unknown> }> {
    const [from, to] = this.provisioningRange(geMs, leMs);
    for (let i = from; i < to; i++) yield { key: i, record: this.provisioning(i) };
    const ctx = { seed: mix32(this.seed, STREAM.workspaceHistory, STREAM.provisioning), timeline: this.historyTimeline(this.provisioningTimeline), tenantId: this.tenant.id, users: this.users };
    const [hFrom, hTo] = indexRange(ctx.seed, STREAM.provisioning, ctx.timeline, geMs, leMs);
    for (let i = hFrom; i < hTo; i++) yield { key: -1 - i, record: provisioningAt(ctx, i) };
  }

  audit(index: number): Record<string, unknown> {
    const record = auditAt({ seed: this.seed, timeline: this.auditTimeline, users: this.users, vocab: this.vocab }, index);
    const beat = this.story?.audits.get(index);
    return beat ? storyAudit(this.storyCtx, record, beat) : record;
  }

  auditRange(geMs: number, leMs: number): [number, number] {
    return indexRange(this.seed, STREAM.audit, this.auditTimeline, geMs, leMs);
  }

  provisioning(index: number): Record<string, unknown> {
    return provisioningAt({ seed: this.seed, timeline: this.provisioningTimeline, tenantId: this.tenant.id, users: this.users }, index);
  }

  provisioningRange(geMs: number, leMs: number): [number, number] {
    return indexRange(this.seed, STREAM.provisioning, this.provisioningTimeline, geMs, leMs);
  }

  get riskDetectionCount(): number {
    return riskDetectionCount(this.sizes.signIns);
  }

  /** Every risky service principal's risk detections, newest first. */
  servicePrincipalRiskDetections(): Record<string, unknown>[] {
    return [...this.riskyServicePrincipals.values()].flatMap((sp) => servicePrincipalDetections(this.seed, sp, this.license)).sort((a, b) => String(b.activityDateTime).localeCompare(String(a.activityDateTime)));
  }

  riskDetection(j: number): Record<string, unknown> {
    const signIn = this.signIn(riskDetectionSignInIndex(j));
    const detection = riskDetectionFrom(this.seed, j, signIn, this.license, this.anchorMs);
    // A verdict on its sign-in closes the detection (its state and detail follow the sign-in) and updates it.
    const at = this.signInVerdicts.size > 0 ? this.signInVerdicts.get(String(signIn.json.id))?.atMs : undefined;
    if (at !== undefined) detection.lastUpdatedDateTime = isoTime(at);
    return detection;
  }

  private o365Sources(): O365Sources {
    return {
      seed: this.seed,
      tenantId: this.tenant.id,
      vocab: this.vocab,
      signInsBetween: (startMs, endMs, limit) => {
        const [from, to] = this.signInRange(startMs, endMs - 1);
        const out: Record<string, unknown>[] = [];
        for (let i = from; i < to && out.length < limit; i++) {
          const s = this.signIn(i);
          if (s.eventType === 'interactiveUser' || s.eventType === 'nonInteractiveUser') out.push(s.json);
        }
        return out;
      },
      auditsBetween: (startMs, endMs, limit) => {
        const [from, to] = this.auditRange(startMs, endMs - 1);
        const out: Record<string, unknown>[] = [];
        for (let i = from; i < to && out.length < limit; i++) out.push(this.audit(i));
        return out;
      },
    };
  }

  blob(contentType: ContentType, k: number): BlobInfo {
    return blobInfo(this.seed, this.anchorMs, contentType, k);
  }

  /** Blobs whose contentCreated lies in [startMs, endMs), oldest first, as the API lists them. */
  blobsCreatedBetween(contentType: ContentType, startMs: number, endMs: number, nowMs: number): BlobInfo[] {
    const out: BlobInfo[] = [];
    for (let k = BLOB_HOURS - 1; k >= 0; k--) {
      const b = this.blob(contentType, k);
      if (b.contentCreatedMs >= startMs && b.contentCreatedMs < endMs && b.contentCreatedMs <= nowMs) out.push(b);
    }
    return out;
  }

  findBlob(contentId: string): BlobInfo | undefined {
    for (const ct of CONTENT_TYPES) {
      for (let k = 0; k < BLOB_HOURS; k++) {
        const b = this.blob(ct, k);
        if (b.contentId === contentId) return b;
      }
    }
    return undefined;
  }

  blobRecords(blob: BlobInfo): Record<string, unknown>[] {
    return blobRecords(this.o365Sources(), this.seed, this.anchorMs, blob);
  }
}
