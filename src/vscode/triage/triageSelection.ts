import * as vscode from 'vscode';
import { parseTriageFilter, type TriageFilter } from '../../core/triage/riskyEntities';
import { type TenantConfig } from '../../core/tenants/tenantConfig';

const TENANT_KEY = 'identityLogs.triage.tenant';
const FILTER_KEY = 'identityLogs.triage.filter';

/**
 * Which tenant the Risky Users view shows and with which filter; kept in globalState so the view
 * comes back as the user left it.
 */
export class TriageSelection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** The tenant shown because it was the only one (nobody picked it). */
  private implicit: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly state: vscode.Memento,
    private readonly tenants: () => readonly TenantConfig[],
    onTenantsChanged: vscode.Event<unknown>,
  ) {
    // Adding a second tenant must not take the view away from the one it shows: the implicit
    // choice becomes an explicit one.
    this.subscription = onTenantsChanged(() => {
      const all = this.tenants();
      const stored = this.state.get<string>(TENANT_KEY);
      if (!all.some((t) => t.key === stored) && this.implicit && all.length > 1 && all.some((t) => t.key === this.implicit)) {
        void this.setTenant(this.implicit);
      }
    });
  }

  /** The chosen tenant; with exactly one tenant configured, that one. */
  tenant(): TenantConfig | undefined {
    const all = this.tenants();
    const key = this.state.get<string>(TENANT_KEY);
    const chosen = all.find((t) => t.key === key);
    if (chosen) return chosen;
    if (all.length === 1) {
      this.implicit = all[0].key;
      return all[0];
    }
    return undefined;
  }

  async setTenant(key: string | undefined): Promise<void> {
    await this.state.update(TENANT_KEY, key);
    this.changed.fire();
  }

  filter(): TriageFilter {
    return parseTriageFilter(this.state.get(FILTER_KEY));
  }

  async setFilter(filter: TriageFilter): Promise<void> {
    await this.state.update(FILTER_KEY, filter);
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
