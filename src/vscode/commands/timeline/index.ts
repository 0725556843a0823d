import { type Command } from '../command';
import { type InvestigateDeps, investigateUserCommand } from './investigateUser';

/** A user's timeline across sources. */
export function timelineCommands(deps: InvestigateDeps): Command[] {
  return [investigateUserCommand(deps)];
}
