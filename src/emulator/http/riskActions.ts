/**
 * Identity Protection's admin actions (API-FACTS 1 and 7): confirm compromised, confirm safe and
 * dismiss on risky users (`userIds`), risky service principals (`servicePrincipalIds`, no confirm
 * safe) and risky sign-ins (`requestIds`, under /auditLogs/signIns), each with its permission,
 * licence and cloud rules. Every call that reaches here is logged for the tests.
 */
import type * as http from 'http';
import { type TenantData } from '../data/dataset';
import { applyRiskAction, type RiskAction, signInVerdict } from '../data/risk';
import { HttpError } from './graphResponse';
import * as access from './access';
import { type FaultKind } from './faults';
import { readBody, type RequestIds, type Res, sendEmpty } from './respond';

export type RiskCollection = 'riskyUsers' | 'riskyServicePrincipals' | 'signIns';

export interface RiskActionRecord {
  readonly collection: RiskCollection;
  readonly action: RiskAction;
  ids: string[];
  /** HTTP status sent; -1 when the connection was reset after the change was made. */
  status: number;
}

const ACTIONS: Readonly<Record<RiskCollection, readonly RiskAction[]>> = {
  riskyUsers: ['confirmCompromised', 'confirmSafe', 'dismiss'],
  riskyServicePrincipals: ['confirmCompromised', 'dismiss'],
  signIns: ['confirmCompromised', 'confirmSafe', 'dismiss'],
};

const IDS_KEY: Readonly<Record<RiskCollection, string>> = { riskyUsers: 'userIds', riskyServicePrincipals: 'servicePrincipalIds', signIns: 'requestIds' };

/** The action a POST path names, or undefined when it names none. */
export function riskActionRoute(seg: readonly string[]): { collection: RiskCollection; action: RiskAction } | undefined {
  if (seg.length !== 3) return undefined;
  const collection = seg[0] === 'identityProtection' && (seg[1] === 'riskyUsers' || seg[1] === 'riskyServicePrincipals') ? seg[1] : seg[0] === 'auditLogs' && seg[1] === 'signIns' ? 'signIns' : undefined;
  const action = seg[2] as RiskAction;
  return collection && ACTIONS[collection].includes(action) ? { collection, action } : undefined;
}

export interface RiskActionContext {
  readonly req: http.IncomingMessage;
  readonly res: Res;
  readonly ids: RequestIds;
  readonly caller: access.Caller;
  readonly data: TenantData;
  readonly fault: FaultKind | undefined;
  readonly now: number;
  readonly log: RiskActionRecord[];
}

export async function runRiskAction({ collection, action }: { collection: RiskCollection; action: RiskAction }, c: RiskActionContext): Promise<void> {
  const record: RiskActionRecord = { collection, action, ids: [], status: 0 };
  c.log.push(record);
  try {
    const denial = collection === 'riskyServicePrincipals' ? access.canActOnRiskyServicePrincipals(c.caller) : collection === 'signIns' ? access.canActOnSignInRisk(c.caller) : access.canActOnRiskyUsers(c.caller);
    if (denial) throw new HttpError(denial.status, denial.code, denial.message);
    if (action !== 'confirmCompromised' && c.caller.tenant.cloud === 'china') throw new HttpError(400, 'BadRequest', `${action === 'dismiss' ? 'Dismissing risk' : 'Confirming safe'} is not available in this national cloud.`);
    let body: unknown;
    try {
      body = JSON.parse(await readBody(c.req));
    } catch {
      throw new HttpError(400, 'BadRequest', 'The request body is not valid JSON.');
    }
    const key = IDS_KEY[collection];
    const list = (body as Record<string, unknown> | null)?.[key];
    if (!Array.isArray(list) || list.length === 0 || !list.every((u) => typeof u === 'string')) throw new HttpError(400, 'BadRequest', `The request body must contain '${key}', a non-empty array of ids.`);
    record.ids = list as string[];
    if (action === 'dismiss' && list.length > 60) throw new HttpError(400, 'BadRequest', `Too many ${key}: ${list.length}. Dismiss accepts at most 60 per request.`);
    const actor = c.caller.delegated ? (c.caller.claims.oid ?? c.caller.claims.appid) : c.caller.claims.appid;
    for (const id of list as string[]) {
      if (collection === 'signIns') applySignInVerdict(c.data, id.toLowerCase(), action, c.now);
      else {
        const subject = collection === 'riskyServicePrincipals' ? c.data.riskyServicePrincipals.get(id.toLowerCase()) : c.data.riskyUsers.get(id.toLowerCase());
        if (subject) applyRiskAction(subject, action, actor, c.now);
      }
    }
  } catch (e) {
    record.status = e instanceof HttpError ? e.status : 500;
    throw e;
  }
  if (c.fault === 'reset') {
    // The worst case for a client: the change was made, and the answer never arrives.
    record.status = -1;
    c.res.socket?.destroy();
    return;
  }
  record.status = 204;
  sendEmpty(c.res, 204, { 'request-id': c.ids.requestId, 'client-request-id': c.ids.clientRequestId });
}

/** A verdict changes a sign-in that carries risk; one without risk, or an unknown id, is left alone (as Graph accepts them). */
function applySignInVerdict(data: TenantData, requestId: string, action: RiskAction, nowMs: number): void {
  const index = data.signInIndexOf(requestId);
  if (index === undefined) return;
  const json = data.signIn(index).json;
  const level = json.riskLevelDuringSignIn;
  if ((level === 'none' || level === undefined) && (json.riskState === 'none' || json.riskState === undefined)) return;
  data.signInVerdicts.set(requestId, signInVerdict(action, level === 'hidden', nowMs));
}
