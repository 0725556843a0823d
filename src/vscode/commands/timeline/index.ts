import { type Command } from '../command';
import { investigateAddressCommand, investigateSessionCommand } from './investigateAddress';
import { type InvestigateDeps } from './args';
import { investigateUserCommand } from './investigateUser';

/** A user's, an address's or a session's timeline across sources. */
export function timelineCommands(deps: InvestigateDeps): Command[] {
  return [investigateUserCommand(deps), investigateAddressCommand(deps), investigateSessionCommand(deps)];
}
