import * as vscode from 'vscode';
import { createApi, IdentityLogsApi } from './vscode/api';
import { addTenantCommand } from './vscode/commands/addTenant';
import { registerCommands } from './vscode/commands/command';
import { resultsRowCommands } from './vscode/commands/resultsRowCommands';
import { openDetailsRefresher } from './vscode/triage/refreshOpenDetails';
import { trackWalkthroughProgress } from './vscode/walkthrough/walkthroughProgress';
import { restoreResultsPanels } from './vscode/results/restoreResultsPanels';
import { copyTenantIdCommand } from './vscode/commands/copyTenantId';
import { CommandDeps } from './vscode/commands/deps';
import { diagnosePermissionsCommand } from './vscode/commands/diagnosePermissions';
import { editTenantCommand } from './vscode/commands/editTenant';
import { removeTenantCommand } from './vscode/commands/removeTenant';
import { showLogCommand } from './vscode/commands/showLog';
import { signInCommand } from './vscode/commands/signIn';
import { signOutCommand } from './vscode/commands/signOut';
import { deleteSavedQueryCommand, runLastQueryCommand, runQueryCommand, runSavedQueryCommand } from './vscode/commands/runQuery';
import { openSignInByIdCommand } from './vscode/commands/openSignInById';
import { addDemoTenantCommand, resetDemoTenantCommand } from './vscode/commands/demoTenant';
import { adminConsentUrlCommand } from './vscode/commands/adminConsentUrl';
import { findLegacyReportCommand } from './vscode/commands/findLegacyReport';
import { browseContentCommand, refreshSubscriptionsCommand, startSubscriptionCommand, stopSubscriptionCommand } from './vscode/commands/o365Commands';
import { O365Subscriptions } from './vscode/o365/o365Subscriptions';
import { DemoTenant } from './vscode/demo/demoTenant';
import { prepareDemoOnStartup } from './vscode/demo/prepareOnStartup';
import { exportCommand, resumeExportCommand } from './vscode/commands/exportCommands';
import { openResultsAsJsonCommand, saveResultsAsJsonCommand } from './vscode/commands/resultsJson';
import { ExportJobs } from './vscode/export/exportJobs';
import { offerPendingExports, PendingExports } from './vscode/export/pendingExports';
import { NODE_FS } from './core/export/exportFs';
import { createDetailPanels } from './vscode/detail/registerDetailPanels';
import { openRecordDetail } from './vscode/detail/openRecordDetail';
import { createLog } from './vscode/log';
import { QueryStore } from './vscode/query/queryStore';
import { QueryDeps } from './vscode/query/startQuery';
import { RECORD_SCHEME, RecordDocuments } from './vscode/results/recordDocuments';
import { ResultsPanel } from './vscode/results/resultsPanel';
import { Pacer } from './core/http/pacer';
import { SYSTEM_CLOCK } from './core/http/clock';
import { REPORT_SCHEME, ReportDocuments } from './vscode/reportView';
import { secretStoreOf } from './vscode/secretStorage';
import { onFakeTenantSettingsChanged } from './vscode/settings';
import { TenantSessions } from './vscode/tenants/sessions';
import { TenantStore } from './vscode/tenants/tenantStore';
import { registerTenantsTree } from './vscode/tree/tenantsTree';
import { registerRiskyUsersTree } from './vscode/tree/riskyUsersTree';
import { TriageModel } from './vscode/triage/triageModel';
import { TriageSelection } from './vscode/triage/triageSelection';
import { confirmCompromisedCommand, dismissRiskCommand } from './vscode/commands/triageCommands';
import {
  clearTriageFilterCommand,
  copyTriageUpnCommand,
  filterTriageCommand,
  openTriageDetailsCommand,
  pickTriageTenantCommand,
  refreshTriageCommand,
  runTriageExampleCommand,
  showTriageDetectionsCommand,
  showTriageSignInsCommand,
} from './vscode/commands/triageViewCommands';

/** Builds the object graph and registers views and commands; nothing else happens here. */
export function activate(context: vscode.ExtensionContext): IdentityLogsApi {
  const { channel, logger } = createLog();
  const store = new TenantStore(context.globalState);
  const secrets = secretStoreOf(context.secrets);
  const demo = new DemoTenant(context.globalStorageUri);
  const sessions = new TenantSessions(secrets, logger, () => store.list(), demo);
  const reports = new ReportDocuments();
  const deps: CommandDeps = { store, sessions, log: logger, channel, state: context.globalState };
  const queries = new QueryStore(context.globalState);
  const records = new RecordDocuments();
  const panels: ResultsPanel[] = [];
  // One pacer for the whole extension: the service's limits are per app and tenant, not per panel.
  const details: QueryDeps['details'] = {};
  const pacer = new Pacer(SYSTEM_CLOCK);
  const extensionVersion = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  const queryDeps: QueryDeps = { ...deps, queries, pacer, records, extensionUri: context.extensionUri, panels, details, extensionVersion };
  const pending = new PendingExports(context.globalState, NODE_FS.exists);
  const o365 = new O365Subscriptions(sessions, pacer);
  const exports = new ExportJobs({ sessions, store, pacer, log: logger, channel, pending, fs: NODE_FS, manageApi: (tenant, signal) => o365.api(tenant, signal) });
  void offerPendingExports(pending);
  const signInDetails = createDetailPanels(queryDeps);
  details.open = (tenant, category, record) => openRecordDetail(queryDeps, signInDetails, tenant, category, record);
  const selection = new TriageSelection(context.globalState, () => store.list(), store.onDidChange);
  const triage = new TriageModel({ sessions, pacer, log: logger, selection });
  const riskyTree = registerRiskyUsersTree(triage, selection, store.onDidChange, sessions.onDidChange);
  const refreshOpenDetails = openDetailsRefresher(triage, signInDetails.records, (tenant, category, record) => details.open?.(tenant, category, record));
  const triageDeps = { sessions, model: triage, log: logger, channel, store, selection, refreshOpenDetails, reveal: async (_tenantKey: string, subject: 'users' | 'servicePrincipals', id: string) => void (await riskyTree.reveal(subject, id)) };
  const triageView = { query: queryDeps, model: triage, selection };
  context.subscriptions.push(
    channel,
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
    registerTenantsTree(store, sessions, queries, o365),
    selection,
    triage,
    riskyTree,
    signInDetails.registration,
    trackWalkthroughProgress(() => store.list(), sessions, store.onDidChange),
    restoreResultsPanels(queryDeps),
    registerCommands([
      addTenantCommand(deps),
      signInCommand(deps),
      signOutCommand(deps),
      editTenantCommand(deps),
      removeTenantCommand(deps),
      copyTenantIdCommand(deps),
      diagnosePermissionsCommand(deps, reports),
      runQueryCommand(queryDeps),
      runLastQueryCommand(queryDeps),
      runSavedQueryCommand(queryDeps),
      deleteSavedQueryCommand(queryDeps),
      openSignInByIdCommand(queryDeps, signInDetails.panels),
      showLogCommand(channel),
      addDemoTenantCommand(deps, demo),
      adminConsentUrlCommand(deps),
      resetDemoTenantCommand(deps, demo),
      openResultsAsJsonCommand(queryDeps),
      saveResultsAsJsonCommand(queryDeps),
      exportCommand(queryDeps, exports),
      resumeExportCommand(exports),
      confirmCompromisedCommand(triageDeps),
      dismissRiskCommand(triageDeps),
      pickTriageTenantCommand(triageView),
      filterTriageCommand(triageView),
      clearTriageFilterCommand(triageView),
      refreshTriageCommand(triageView),
      openTriageDetailsCommand(triageView),
      showTriageSignInsCommand(triageView),
      showTriageDetectionsCommand(triageView),
      copyTriageUpnCommand(),
      runTriageExampleCommand(triageView),
      findLegacyReportCommand(queryDeps),
      startSubscriptionCommand(queryDeps, o365),
      stopSubscriptionCommand(queryDeps, o365),
      refreshSubscriptionsCommand(o365),
      browseContentCommand(queryDeps, o365),
      ...resultsRowCommands(queryDeps),
    ]),
  );
  // After the commands exist: it runs Add Demo Tenant.
  void prepareDemoOnStartup(store);
  return createApi(store, context.globalState, secrets, () => riskyTree.snapshot());
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
