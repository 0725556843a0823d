import { type Command } from '../command';
import { type TriageCommandDeps, triageActionCommands } from './actions';
import { type TriageViewDeps } from './args';
import { clearTriageFilterCommand } from './clearFilter';
import { copyTriageUpnCommand } from './copyUpn';
import { filterTriageCommand } from './filter';
import { openTriageDetailsCommand } from './openDetails';
import { pickTriageTenantCommand } from './pickTenant';
import { refreshTriageCommand } from './refresh';
import { relatedQueryCommands } from './related';
import { runTriageExampleCommand } from './runExample';
import { type SignInTriageCommandDeps, signInTriageCommands } from './signIns';

/** The Risky Users view: its actions (confirm compromised, confirm safe, dismiss) and its own commands; verdicts on risky sign-ins. */
export function triageCommands(actions: TriageCommandDeps, view: TriageViewDeps, signIns: SignInTriageCommandDeps): Command[] {
  return [
    ...triageActionCommands(actions),
    ...signInTriageCommands(signIns),
    pickTriageTenantCommand(view),
    filterTriageCommand(view),
    clearTriageFilterCommand(view),
    refreshTriageCommand(view),
    openTriageDetailsCommand(view),
    ...relatedQueryCommands(view),
    copyTriageUpnCommand(),
    runTriageExampleCommand(view),
  ];
}
