import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Emulator } from '../../emulator';

/** The demo tenant: the built-in fake tenant, run in this extension host on 127.0.0.1. */
export const DEMO_TENANT_ID = '11111111-1111-4111-8111-111111111111';
export const DEMO_APP_ID = 'c0000000-0000-4000-8000-00000000000a';
/** The demo tenant's Log Analytics workspace (the fake tenant's own; its app may read it). */
export const DEMO_WORKSPACE = { id: '90000000-0000-4000-8000-000000000001', name: 'contoso-sentinel' };
const DEMO_SEED = 42;

export interface DemoEndpoint {
  readonly origin: string;
  readonly caPem: string;
  readonly secret: string;
  /** The data's "now", fixed when the demo was first created (kept until Reset Demo Tenant). */
  readonly anchorMs: number;
}

/** Who and what the demo's seeded attack story is about (emulator/data/story.ts). */
export interface DemoStory {
  readonly phishVictim: DemoUser;
  readonly fatigueVictim: DemoUser;
  readonly sprayVictim: DemoUser;
  readonly admin: DemoUser;
  /** The network the password spray came from. */
  readonly sprayAsn: number;
  /** The data's "now": the story happened in the hours before it. */
  readonly anchorMs: number;
}

export interface DemoUser {
  readonly id: string;
  readonly userPrincipalName: string;
}

/**
 * Starts the fake tenant on demand (a random loopback port, HTTPS with its own CA that only this
 * extension trusts, and only for this tenant), with about 5,000 sign-ins over 7 days and the
 * documented throttling, and stops it with the extension.
 */
export class DemoTenant implements vscode.Disposable {
  private running: Promise<Emulator> | undefined;
  /** The started emulator, kept for a synchronous save when the extension stops. */
  private instance: Emulator | undefined;

  constructor(private readonly storageDir: vscode.Uri) {}

  async ensureStarted(): Promise<DemoEndpoint> {
    this.running ??= (async () => {
      const dir = vscode.Uri.joinPath(this.storageDir, 'demo-tenant').fsPath;
      fs.mkdirSync(dir, { recursive: true });
      // Loaded only when the demo is used: it brings the certificate code along.
      const { startEmulator, demoSizes } = await import('../../emulator');
      // The data's "now" is fixed when the demo is first created and kept until Reset Demo Tenant:
      // an id or a time copied before a reload, and an export made before it, still match.
      // No hostile test strings: a person trying the product sees believable names (tests keep them),
      // and the seeded attack story (a password spray, MFA fatigue, a device-code phish, a risky admin).
      const emulator = await startEmulator({ seed: DEMO_SEED, signIns: 5000, sizes: demoSizes(5000), controlEndpoints: false, stateDir: dir, deviceCodeIntervalSeconds: 2, anchorMs: this.anchor() });
      // What the user changed (dismissed or confirmed users) survives until Reset Demo Tenant.
      try {
        emulator.importState(JSON.parse(fs.readFileSync(this.statePath(), 'utf8')));
      } catch {
        // No saved state yet, or an unreadable one: start from the seed, with Entra's Office 365
        // audit content already subscribed (a user's timeline shows it; the other types are left to start).
        emulator.importState({ version: 1, riskyUsers: {}, subscriptions: { [DEMO_TENANT_ID]: [{ contentType: 'Audit.AzureActiveDirectory', status: 'enabled', lastStartMs: 0 }] } });
      }
      this.instance = emulator;
      return emulator;
    })();
    const emulator = await this.running;
    const app = emulator.info.tenants[0].apps.find((a) => a.clientId === DEMO_APP_ID);
    return { origin: emulator.origin, caPem: emulator.caPem as string, secret: app?.secret ?? '', anchorMs: emulator.info.anchorMs };
  }

  /** The seeded story's cast, from the running demo (started if it is not). */
  async story(): Promise<DemoStory | undefined> {
    const { anchorMs } = await this.ensureStarted();
    const cast = (await this.running)?.datasets.get(DEMO_TENANT_ID)?.story?.cast;
    if (!cast) return undefined;
    const { STORY_NETWORKS } = await import('../../emulator');
    const user = (u: { id: string; userPrincipalName: string }): DemoUser => ({ id: u.id, userPrincipalName: u.userPrincipalName });
    return { phishVictim: user(cast.phishVictim), fatigueVictim: user(cast.fatigueVictim), sprayVictim: user(cast.sprayVictim), admin: user(cast.admin), sprayAsn: STORY_NETWORKS.spray.asn, anchorMs };
  }

  /** The demo's time anchor: read from its file, or fixed now and written there. */
  private anchor(): number {
    const file = vscode.Uri.joinPath(this.storageDir, 'demo-tenant', 'anchor.json').fsPath;
    try {
      const saved = (JSON.parse(fs.readFileSync(file, 'utf8')) as { anchorMs?: unknown }).anchorMs;
      if (typeof saved === 'number' && Number.isFinite(saved) && saved <= Date.now()) return saved;
    } catch {
      // first use, or an unreadable file: a new anchor
    }
    const anchorMs = Date.now();
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ anchorMs }));
    fs.renameSync(`${file}.tmp`, file);
    return anchorMs;
  }

  private statePath(): string {
    return vscode.Uri.joinPath(this.storageDir, 'demo-tenant', 'state.json').fsPath;
  }

  /**
   * Back to the initial data: risky users, subscriptions, and a new time anchor (so the data ends
   * now again). The server restarts on next use with the new anchor.
   */
  async reset(): Promise<void> {
    fs.rmSync(this.statePath(), { force: true });
    fs.rmSync(vscode.Uri.joinPath(this.storageDir, 'demo-tenant', 'anchor.json').fsPath, { force: true });
    const running = this.running;
    this.running = undefined;
    this.instance = undefined;
    if (running) await (await running).close();
  }

  dispose(): void {
    const e = this.instance;
    this.running = undefined;
    this.instance = undefined;
    if (!e) return;
    // Synchronous: the extension host may end right after deactivation.
    try {
      const file = this.statePath();
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(e.exportState()));
      fs.renameSync(`${file}.tmp`, file);
    } catch {
      // a demo state that cannot be saved is not worth failing shutdown for
    }
    void e.close();
  }
}
