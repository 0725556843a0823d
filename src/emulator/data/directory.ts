/** The tenant's people: configured users plus generated ones, some with hostile display names (test fixture). */
import { type TenantConfig } from '../config';
import { Rng, STREAM } from '../random';
import { FIRST_NAMES, HOME_PLACE_WEIGHTS, LAST_NAMES, type Vocabulary } from './tables';

export interface DirectoryUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  /** Index into PLACES where this user usually signs in. */
  readonly homePlace: number;
  readonly isGuest: boolean;
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

export function buildDirectory(seed: number, tenant: TenantConfig, count: number, vocab: Vocabulary): DirectoryUser[] {
  const users: DirectoryUser[] = tenant.users.map((u, i) => ({ id: u.id, userPrincipalName: u.userPrincipalName, displayName: u.displayName, homePlace: i % 4, isGuest: false }));
  const seen = new Set(users.map((u) => u.userPrincipalName));
  for (let i = 0; users.length < count; i++) {
    const rng = Rng.for(seed, STREAM.user, i);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const isGuest = rng.chance(0.06);
    let upn = `${slug(first)}.${slug(last)}@${tenant.domain}`;
    if (isGuest) upn = `${slug(first)}.${slug(last)}_partner.example#EXT#@${tenant.domain}`;
    if (i === 3) upn = `o'brien.test@${tenant.domain}`;
    if (seen.has(upn)) upn = upn.replace('@', `${i}@`);
    seen.add(upn);
    // A few users whose display names an attacker chose (guest invitations let them).
    const displayName = i % 29 === 7 ? vocab.pickHostile((i / 29) | 0, `${first} ${last}`) : `${first} ${last}`;
    users.push({ id: rng.guid(), userPrincipalName: upn, displayName, homePlace: rng.weighted(HOME_PLACE_WEIGHTS), isGuest });
  }
  return users;
}
