import * as vscode from 'vscode';
import { parseTenantConfigs, type TenantConfig } from '../../core/tenants/tenantConfig';

const STATE_KEY = 'identityLogs.tenants';

/** Non-secret tenant configuration in globalState, with a change event for the tree. */
export class TenantStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  list(): TenantConfig[] {
    return parseTenantConfigs(this.state.get<unknown>(STATE_KEY));
  }

  get(key: string): TenantConfig | undefined {
    return this.list().find((t) => t.key === key);
  }

  async upsert(tenant: TenantConfig): Promise<void> {
    const list = this.list();
    const i = list.findIndex((t) => t.key === tenant.key);
    if (i >= 0) list[i] = tenant;
    else list.push(tenant);
    await this.save(list);
  }

  async remove(key: string): Promise<void> {
    await this.save(this.list().filter((t) => t.key !== key));
  }

  private async save(tenants: readonly TenantConfig[]): Promise<void> {
    await this.state.update(STATE_KEY, tenants);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
