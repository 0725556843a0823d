import * as vscode from 'vscode';
import { parseTriageFilter, TriageFilter } from '../../core/triage/riskyEntities';
import { TenantConfig } from '../../core/tenants/tenantConfig';

const TENANT_KEY = 'identityLogs.triage.tenant';
const FILTER_KEY = 'identityLogs.triage.filter';

/**
 * Which tenant the Risky Users view shows and with which filter; kept in globalState so the view
 * comes back as the user left it.
 */
export class TriageSelection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly tenants: () => readonly TenantConfig[],
  ) {}

  /** The chosen tenant; with exactly one tenant configured, that one. */
  tenant(): TenantConfig | undefined {
    const all = this.tenants();
    const key = this.state.get<string>(TENANT_KEY);
    return all.find((t) => t.key === key) ?? (all.length === 1 ? all[0] : undefined);
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
    this.changed.dispose();
  }
}
