/** The ground truth a test or the bench compares against: the generator's own records. */
import { type TenantData } from '../../src/emulator/data/dataset';

/** Ids of the interactive sign-ins in [fromMs, toMs], newest first, as the generator holds them. */
export function interactiveIds(data: Pick<TenantData, 'signInRange' | 'signIn'>, fromMs: number, toMs: number, eventType = 'interactiveUser'): string[] {
  const [from, to] = data.signInRange(fromMs, toMs);
  const ids: string[] = [];
  for (let i = from; i < to; i++) {
    const s = data.signIn(i);
    if (s.eventType === eventType) ids.push(String(s.json.id));
  }
  return ids;
}
