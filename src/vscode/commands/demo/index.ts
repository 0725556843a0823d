import { type DemoTenant } from '../../demo/demoTenant';
import { type TenantContext } from '../../tenants/tenantContext';
import { type Workspaces } from '../../workspaces/workspaces';
import { type Command } from '../command';
import { addDemoTenantCommand } from './addDemoTenant';
import { resetDemoTenantCommand } from './resetDemoTenant';
import { showStoryCommand } from './showStory';

export function demoCommands(deps: TenantContext, demo: DemoTenant, workspaces: Workspaces): Command[] {
  return [addDemoTenantCommand(deps, demo, workspaces), resetDemoTenantCommand(deps, demo), showStoryCommand(deps.store, demo)];
}
