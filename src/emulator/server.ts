/**
 * The fake tenant: one HTTPS (or plain HTTP) server on 127.0.0.1 that plays Entra ID's token
 * service, Microsoft Graph's identity logs and the Office 365 Management Activity API.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import type { AddressInfo, Socket } from 'net';
import * as os from 'os';
import * as path from 'path';
import { type AppConfig, defaultConfig } from './config';
import { type DatasetSizes, defaultSizes, TenantData } from './data/dataset';
import { Directory } from './http/directory';
import { handleDevicePage } from './http/devicePage';
import { FaultInjector, type FaultKind, FAULT_KINDS, type ScriptedFault, SURVIVABLE_FAULTS } from './http/faults';
import { Graph } from './http/graph';
import { type Emulator, type EmulatorInfo, type EmulatorOptions, type EmulatorState } from './types';
import { Manage } from './http/manage';
import { LogAnalytics } from './http/logAnalytics';
import { ResourceManager } from './http/arm';
import { readBody, sendJson } from './http/respond';
import { Sts } from './http/sts';
import { SlidingWindows } from './http/throttle';
import { TokenService } from './http/tokens';
import { type AppCertificate, createAppCertificate, createCa, createServerCert } from './pki';

export type { Emulator, EmulatorAppInfo, EmulatorInfo, EmulatorOptions, EmulatorState } from './types';

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const config = options.config ?? defaultConfig();
  const seed = options.seed ?? 1;
  const protocol = options.protocol ?? 'https';
  // The fake tenant only ever listens on loopback: tests and the demo send no traffic elsewhere.
  const host = options.host ?? '127.0.0.1';
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) throw new Error(`The fake tenant listens on a 127.0.0.0/8 address, not ${host}.`);
  const timeScale = options.timeScale ?? 1;
  const now = options.clock ?? (() => Date.now());
  const anchorMs = options.anchorMs ?? now();
  const stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'idlog-emulator-'));
  fs.mkdirSync(stateDir, { recursive: true });
  const ownsStateDir = options.stateDir === undefined;

  const directory = new Directory(config.tenants);
  const sizes: DatasetSizes = { ...defaultSizes(options.signIns ?? 5000), ...options.sizes };
  const buildDatasets = () => new Map(config.tenants.map((t) => [t.id, new TenantData(seed, t, anchorMs, sizes)]));
  let datasets = buildDatasets();
  const datasetView: Map<string, TenantData> = new Map();
  const refreshView = () => {
    datasetView.clear();
    for (const [k, v] of datasets) datasetView.set(k, v);
  };
  refreshView();

  const certificates = new Map<string, AppCertificate>();
  for (const t of config.tenants) for (const a of t.apps) if (a.certificate) certificates.set(a.clientId, createAppCertificate(stateDir, a.clientId));

  let caPem: string | null = null;
  let caCertPath: string | null = null;
  let server: http.Server;
  let origin = '';
  const tokens = new TokenService(options.tokenLifetimeSeconds ?? 3600);
  const faults = new FaultInjector({ rate: options.faultRate ?? 0, kinds: options.faultKinds ?? SURVIVABLE_FAULTS, seed, latencySpikeMs: options.latencySpikeMs ?? 1500 });
  const throttle = new SlidingWindows(timeScale, options.throttling ?? true);
  const sts = new Sts(directory, tokens, {
    origin: () => origin,
    now,
    deviceCodeIntervalSeconds: options.deviceCodeIntervalSeconds ?? 5,
    deviceCodeLifetimeSeconds: options.deviceCodeLifetimeSeconds ?? 900,
    certificates,
  });
  const graph = new Graph(directory, tokens, datasetView, {
    origin: () => origin,
    now,
    timeScale,
    latencyMs: options.latencyMs ?? 0,
    gatewayTimeoutSeconds: options.gatewayTimeoutSeconds ?? 300,
    wideQuerySecondsPerDay: options.wideQuerySecondsPerDay ?? 0,
    faults,
    throttle,
    scanLimit: 200_000,
  });
  const manage = new Manage(directory, tokens, datasetView, { origin: () => origin, now, timeScale, latencyMs: options.latencyMs ?? 0, faults, throttle, contentPageSize: options.contentPageSize ?? 50 });
  const logAnalytics = new LogAnalytics(directory, tokens, datasetView, { now, faults, throttle, rowLimit: options.workspaceRowLimit ?? 500_000, sizeLimit: options.workspaceSizeLimit ?? 100_000_000 });
  const arm = new ResourceManager(directory, tokens, { now, faults });

  const info = (): EmulatorInfo => ({
    authorityHost: origin,
    graphBaseUrl: origin,
    manageBaseUrl: origin,
    caCertPath,
    emulatorControlUrl: `${origin}/_emulator`,
    anchorMs,
    tenants: config.tenants.map((t) => ({
      id: t.id,
      domain: t.domain,
      cloud: t.cloud,
      license: t.license,
      unifiedAuditLogging: t.unifiedAuditLogging,
      apps: t.apps.map((a: AppConfig) => {
        const cert = certificates.get(a.clientId);
        return {
          clientId: a.clientId,
          displayName: a.displayName,
          secret: a.secrets[0] ?? null,
          certificatePemPath: cert?.certificatePemPath ?? null,
          privateKeyPemPath: cert?.privateKeyPemPath ?? null,
          thumbprintSha256: cert?.thumbprintSha256 ?? null,
          roles: a.roles,
          scopes: a.scopes,
          publicClient: a.publicClient,
          consented: a.consented,
        };
      }),
      users: t.users.map((u) => ({ id: u.id, userPrincipalName: u.userPrincipalName, roles: u.roles })),
    })),
  });

  const control = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith('/_emulator')) return false;
    const route = `${req.method} ${url.pathname}`;
    const body = req.method === 'POST' ? await readBody(req) : '';
    const json = (): Record<string, unknown> => {
      try {
        const v = JSON.parse(body || '{}') as unknown;
        return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
      } catch {
        return {};
      }
    };
    if (route === 'GET /_emulator/info') sendJson(res, 200, info());
    else if (route === 'GET /_emulator/stats') sendJson(res, 200, { requestsServed: served, wireBytes: wireBytes() });
    else if (route === 'GET /_emulator/faults') sendJson(res, 200, faults.injected());
    else if (route === 'POST /_emulator/faults') {
      const b = json();
      if (b.reset === true) faults.reset();
      const kinds = Array.isArray(b.kinds) ? (b.kinds as unknown[]).filter((k): k is FaultKind => FAULT_KINDS.includes(k as FaultKind)) : undefined;
      faults.configure({ ...(typeof b.rate === 'number' ? { rate: b.rate } : {}), ...(kinds ? { kinds } : {}) });
      if (Array.isArray(b.enqueue)) faults.enqueue(...(b.enqueue as ScriptedFault[]).filter((f) => FAULT_KINDS.includes(f?.kind)));
      sendJson(res, 200, faults.injected());
    } else if (route === 'GET /_emulator/devicecode/pending') sendJson(res, 200, sts.pendingDeviceCodes());
    else if (route === 'POST /_emulator/devicecode/approve') {
      const b = json();
      const r = sts.approveDeviceCode(String(b.user_code ?? ''), typeof b.user === 'string' ? b.user : undefined, b.decline === true);
      sendJson(res, r.ok ? 200 : 400, r);
    } else if (route === 'POST /_emulator/reset') {
      emulator.reset();
      sendJson(res, 200, { ok: true });
    } else sendJson(res, 404, { error: 'unknown emulator control route' });
    return true;
  };

  let served = 0;
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    (async () => {
      if (options.controlEndpoints !== false && (await control(req, res, url))) return;
      served++;
      if (url.pathname === '/devicelogin') {
        await handleDevicePage(req, res, sts, config);
        return;
      }
      if (await graph.handle(req, res, url)) return;
      if (await manage.handle(req, res, url)) return;
      if (await logAnalytics.handle(req, res, url)) return;
      if (await arm.handle(req, res, url)) return;
      if (await sts.handle(req, res, url)) return;
      sendJson(res, 404, { error: { code: 'NotFound', message: `No route for ${req.method} ${url.pathname}` } });
    })().catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'InternalServerError', message: e instanceof Error ? e.message : 'error' } });
      else res.destroy();
    });
  };

  if (protocol === 'https') {
    const ca = createCa();
    const serverCert = createServerCert(ca, host);
    caPem = ca.certPem;
    caCertPath = path.join(stateDir, 'ca.pem');
    fs.writeFileSync(caCertPath, ca.certPem);
    server = https.createServer({ key: serverCert.keyPem, cert: serverCert.certPem + ca.certPem }, handler);
  } else {
    server = http.createServer(handler);
  }
  server.keepAliveTimeout = 30_000;
  const sockets = new Set<Socket>();
  let refused = 0;
  // Bytes written to clients over TCP (after TLS and compression): what crossed the wire.
  let bytesOfClosedSockets = 0;
  const wireBytes = () => bytesOfClosedSockets + [...sockets].reduce((n, s) => n + s.bytesWritten, 0);
  server.on('connection', (s) => {
    if (options.acceptOnlyFrom && s.remoteAddress !== options.acceptOnlyFrom && s.remoteAddress !== `::ffff:${options.acceptOnlyFrom}`) {
      refused++;
      s.destroy();
      return;
    }
    sockets.add(s);
    s.on('close', () => {
      bytesOfClosedSockets += s.bytesWritten;
      sockets.delete(s);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `${protocol}://${host}:${port}`;

  const emulator: Emulator = {
    get info() {
      return info();
    },
    origin,
    caPem,
    faults,
    datasets: datasetView,
    approveDeviceCode(userCode, user, decline = false) {
      const r = sts.approveDeviceCode(userCode, user, decline);
      if (!r.ok) throw new Error(`Could not approve device code ${userCode}: ${r.reason}`);
    },
    pendingDeviceCodes: () => sts.pendingDeviceCodes(),
    tokenRequests: () => Object.fromEntries(sts.tokenRequests),
    workspaceQueries: () => logAnalytics.queries(),
    requestsServed: () => served,
    connectionsRefused: () => refused,
    credentialsSeen: () => [...sts.credentials],
    subscriptions: (tenantId) => manage.subscriptionState(tenantId),
    riskActions: () => graph.riskActions.map((r) => ({ ...r, ids: [...r.ids] })),
    exportState(): EmulatorState {
      return {
        version: 1,
        riskyUsers: Object.fromEntries([...datasetView].map(([id, d]) => [id, [...d.riskyUsers.values()]])),
        riskyServicePrincipals: Object.fromEntries([...datasetView].map(([id, d]) => [id, [...d.riskyServicePrincipals.values()]])),
        subscriptions: manage.exportSubscriptions(),
        signInVerdicts: Object.fromEntries([...datasetView].map(([id, d]) => [id, Object.fromEntries(d.signInVerdicts)])),
      };
    },
    importState(state: unknown) {
      const s = state as Partial<EmulatorState> | undefined;
      if (s?.version !== 1 || typeof s.riskyUsers !== 'object' || s.riskyUsers === null) return;
      for (const [tenantId, users] of Object.entries(s.riskyUsers)) {
        const data = datasetView.get(tenantId);
        if (!data || !Array.isArray(users)) continue;
        for (const u of users) {
          if (typeof u?.id === 'string' && data.riskyUsers.has(u.id) && typeof u.riskState === 'string' && Array.isArray(u.history)) data.riskyUsers.set(u.id, u);
        }
      }
      manage.importSubscriptions(s.subscriptions);
      for (const [tenantId, verdicts] of Object.entries(s.signInVerdicts ?? {})) {
        const data = datasetView.get(tenantId);
        if (!data || typeof verdicts !== 'object' || verdicts === null) continue;
        for (const [id, v] of Object.entries(verdicts)) {
          if (data.signInIndexOf(id) !== undefined && typeof v?.riskState === 'string' && typeof v.riskDetail === 'string' && typeof v.riskLevelAggregated === 'string') data.signInVerdicts.set(id.toLowerCase(), v);
        }
      }
      for (const [tenantId, list] of Object.entries(s.riskyServicePrincipals ?? {})) {
        const data = datasetView.get(tenantId);
        if (!data || !Array.isArray(list)) continue;
        for (const p of list) {
          if (typeof p?.id === 'string' && data.riskyServicePrincipals.has(p.id) && typeof p.riskState === 'string' && Array.isArray(p.history)) data.riskyServicePrincipals.set(p.id, p);
        }
      }
    },
    reset() {
      datasets = buildDatasets();
      refreshView();
      manage.resetSubscriptions();
      graph.riskActions.length = 0;
      faults.reset();
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      if (ownsStateDir) fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
  return emulator;
}
