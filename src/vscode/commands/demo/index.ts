import { type DemoTenant } from '../../demo/demoTenant';
import { type TenantContext } from '../../tenants/tenantContext';
import { type Command } from '../command';
import { addDemoTenantCommand } from './addDemoTenant';
import { resetDemoTenantCommand } from './resetDemoTenant';

export function demoCommands(deps: TenantContext, demo: DemoTenant): Command[] {
  return [addDemoTenantCommand(deps, demo), resetDemoTenantCommand(deps, demo)];
}
