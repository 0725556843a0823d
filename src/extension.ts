import * as vscode from 'vscode';
import { commandTitles, registerCommands } from './vscode/commands/command';
import { demoCommands } from './vscode/commands/demo';
import { exportCommands } from './vscode/commands/export';
import { o365Commands } from './vscode/commands/o365';
import { queryCommands } from './vscode/commands/query';
import { resultsCommands } from './vscode/commands/results';
import { tenantCommands } from './vscode/commands/tenants';
import { timelineCommands } from './vscode/commands/timeline';
import { UserTimelines } from './vscode/timeline/userTimelines';
import { triageCommands } from './vscode/commands/triage';
import { workspaceCommands } from './vscode/commands/workspaces';
import { Workspaces } from './vscode/workspaces/workspaces';
import { WorkspaceQueryRunner } from './vscode/query/workspaceRunner';
import { ErrorReporter } from './vscode/ui/errorReporter';
import type { IdentityLogsApi } from './vscode/testing/testApi';
import type * as TestKit from './vscode/testing/testKit';
import { type Prompter, WindowPrompter } from './vscode/ui/prompter';
import { openDetailsRefresher } from './vscode/triage/refreshOpenDetails';
import { signInRefresher } from './vscode/triage/refreshSignIns';
import { trackWalkthroughProgress } from './vscode/walkthrough/walkthroughProgress';
import { restoreResultsPanels } from './vscode/results/restoreResultsPanels';
import { type TenantContext } from './vscode/tenants/tenantContext';
import { showLogCommand } from './vscode/commands/showLog';
import { O365Subscriptions } from './vscode/o365/o365Subscriptions';
import { DemoTenant } from './vscode/demo/demoTenant';
import { prepareDemoOnStartup } from './vscode/demo/prepareOnStartup';
import { ExportJobs } from './vscode/export/exportJobs';
import { offerPendingExports, PendingExports } from './vscode/export/pendingExports';
import { NODE_FS } from './core/export/exportFs';
import { RecordDetails } from './vscode/detail/recordDetails';
import { createLog } from './vscode/log';
import { QueryStore } from './vscode/query/queryStore';
import { QueryRunner } from './vscode/query/queryRunner';
import { RECORD_SCHEME, RecordDocuments } from './vscode/results/recordDocuments';
import { SpillFolder } from './vscode/results/spillFolder';
import { ResultsPanels } from './vscode/results/resultsPanels';
import { Pacer } from './core/http/pacer';
import { SYSTEM_CLOCK } from './core/http/clock';
import { type SourceConnections } from './core/sources/source';
import { type TenantConfig } from './core/tenants/tenantConfig';
import { REPORT_SCHEME, ReportDocuments } from './vscode/reportView';
import { secretStoreOf } from './vscode/secretStorage';
import { onFakeTenantSettingsChanged } from './vscode/settings';
import { TenantSessions } from './vscode/tenants/sessions';
import { TenantStore } from './vscode/tenants/tenantStore';
import { registerTenantsTree } from './vscode/tree/tenantsTree';
import { registerRiskyUsersTree } from './vscode/tree/riskyUsersTree';
import { TriageModel } from './vscode/triage/triageModel';
import { TriageSelection } from './vscode/triage/triageSelection';

/** Builds the object graph and registers views and commands; nothing else happens here. */
export function activate(context: vscode.ExtensionContext): IdentityLogsApi | undefined {
  const { channel, logger } = createLog();
  const errors = new ErrorReporter(logger, channel);
  // Under the extension's own tests, questions are answered by the test (through its API), never by flags.
  const testing = context.extensionMode === vscode.ExtensionMode.Test;
  // The test kit is its own bundle, required only here and never packaged (see esbuild.js).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const kit = testing ? (require('./vscode/testing/testKit') as typeof TestKit) : undefined;
  const prompts = kit ? new kit.ScriptedPrompter() : undefined;
  const prompter: Prompter = prompts ?? new WindowPrompter();
  const store = new TenantStore(context.globalState);
  const secrets = secretStoreOf(context.secrets);
  const demo = new DemoTenant(context.globalStorageUri);
  const sessions = new TenantSessions(secrets, logger, () => store.list(), demo);
  const reports = new ReportDocuments();
  const deps: TenantContext = { store, sessions, log: logger, channel, state: context.globalState };
  const queries = new QueryStore(context.globalState);
  const records = new RecordDocuments();
  // One pacer for the whole extension: the service's limits are per app and tenant, not per panel.
  const pacer = new Pacer(SYSTEM_CLOCK);
  const extensionVersion = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  const details = new RecordDetails({ extensionUri: context.extensionUri, store, log: logger, sessions, pacer, records, state: context.globalState, extensionVersion, prompter });
  const o365 = new O365Subscriptions(sessions, pacer);
  const workspaces = new Workspaces(context.globalState, sessions, pacer);
  const timelines = new UserTimelines({ extensionUri: context.extensionUri, sessions, pacer, log: logger, manageApi: (tenant, signal) => o365.api(tenant, signal), workspaces, openDetail: (tenant, category, record) => details.open(tenant, category, record) });
  // Results panels keep their loaded records in files, not in this host's memory (shared by every extension).
  const spill = new SpillFolder(context.globalStorageUri.fsPath, logger);
  const panels = new ResultsPanels({ extensionUri: context.extensionUri, log: logger, channel, records, columns: queries, openDetail: (tenant, category, record) => details.open(tenant, category, record), extensionVersion, spill, prompter });
  const runner = new QueryRunner({ sessions, pacer, queries, panels, log: logger, channel });
  const workspaceRunner = new WorkspaceQueryRunner({ workspaces, panels, log: logger, channel });
  const pending = new PendingExports(context.globalState, NODE_FS.exists);
  // A tenant's clients for each source, created when an export asks for them.
  const connect = (tenant: TenantConfig, signal: AbortSignal): SourceConnections => ({
    graph: async () => {
      const api = await sessions.apiClient(tenant, pacer);
      return { client: api.client, graphOrigin: api.endpoints.graphOrigin };
    },
    manage: () => o365.api(tenant, signal),
    logAnalytics: async () => {
      const { api, stats } = await workspaces.api(tenant);
      return { api, stats };
    },
  });
  const exports = new ExportJobs({ store, log: logger, channel, pending, fs: NODE_FS, connect });
  void offerPendingExports(pending);
  const selection = new TriageSelection(context.globalState, () => store.list(), store.onDidChange);
  const triage = new TriageModel({ sessions, pacer, log: logger, selection });
  const riskyTree = registerRiskyUsersTree(triage, selection, store.onDidChange, sessions.onDidChange);
  const refreshOpenDetails = openDetailsRefresher(triage, details.records, (tenant, category, record) => details.open(tenant, category, record));
  const triageDeps = { sessions, model: triage, log: logger, channel, store, selection, refreshOpenDetails, reveal: async (_tenantKey: string, subject: 'users' | 'servicePrincipals', id: string) => void (await riskyTree.reveal(subject, id)) };
  const triageView = { store, model: triage, selection, runner, details, records, extensionVersion };
  context.subscriptions.push(
    channel,
    spill,
    demo,
    store,
    sessions,
    reports,
    queries,
    exports,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.workspace.registerTextDocumentContentProvider(RECORD_SCHEME, records),
    onFakeTenantSettingsChanged(() => sessions.reset()),
    o365,
    registerTenantsTree(store, sessions, queries, o365, workspaces),
    workspaces,
    selection,
    triage,
    riskyTree,
    details,
    timelines,
    trackWalkthroughProgress(() => store.list(), sessions, store.onDidChange),
    restoreResultsPanels({ store, log: logger, runner }),
    registerCommands(
      [
        ...tenantCommands(deps, reports, workspaces),
        ...demoCommands(deps, demo, workspaces),
        ...queryCommands({ store, queries, runner }, { ...deps, pacer, records, runner, panels: details.signIns }),
        ...resultsCommands({ panels, runner, records, state: context.globalState }),
        ...exportCommands({ store, queries, panels, state: context.globalState, extensionVersion }, exports),
        ...triageCommands(triageDeps, triageView, { ...triageDeps, panels, refreshOpenSignIns: signInRefresher(triage, { details, grids: panels }, logger) }),
        ...o365Commands({ ...deps, panels }, o365),
        ...timelineCommands({ store, sessions, pacer, timelines }),
        ...workspaceCommands({ store, workspaces, runner: workspaceRunner, panels, openDetail: (tenant, category, record) => details.open(tenant, category, record), log: logger, channel }),
        showLogCommand(channel),
      ],
      { prompter },
      errors,
      commandTitles(context.extension.packageJSON),
    ),
  );
  // After the commands exist: it runs Add Demo Tenant.
  void prepareDemoOnStartup(store);
  // The API reads stored state and the view's contents: it exists for this extension's own tests only.
  return kit && prompts
    ? kit.createApi({ store, state: context.globalState, secrets, riskyTree, reportedErrors: () => errors.reported(), prompts, folders: { log: context.logUri.fsPath, globalStorage: context.globalStorageUri.fsPath, storage: context.storageUri?.fsPath } })
    : undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
