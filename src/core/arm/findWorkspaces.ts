/**
 * The Log Analytics workspaces a credential can see, found through Azure Resource Manager: the
 * subscriptions it has a role on, then each one's `Microsoft.OperationalInsights/workspaces`. A
 * workspace's query id is its `customerId` (the portal's "Workspace ID"), not its resource name.
 * Everything in the answers is untrusted: only well-formed entries are kept, and pages and
 * subscriptions are bounded, so a hostile or huge answer cannot keep the search going.
 */
import { type ApiClient } from '../http/client';
import { ServiceError } from '../http/serviceError';

const SUBSCRIPTIONS_API = '2022-12-01';
const WORKSPACES_API = '2023-09-01';
/** Pages followed per list, and subscriptions searched: a tenant's credential rarely sees more. */
const MAX_PAGES = 20;
const MAX_SUBSCRIPTIONS = 200;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FoundWorkspace {
  /** The workspace id queries use (customerId). */
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly subscriptionName: string;
  readonly resourceGroup: string;
  readonly location: string;
  readonly retentionDays: number | undefined;
}

export interface WorkspaceSearch {
  readonly workspaces: readonly FoundWorkspace[];
  /** Subscriptions the credential has a role on. */
  readonly subscriptions: number;
  /** Subscriptions whose workspaces it may not list, with the service's reason. */
  readonly refused: readonly { readonly subscriptionName: string; readonly code: string }[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Every entry of an ARM list, following nextLink (checked by the client like every link). */
async function listAll(client: ApiClient, firstUrl: string, signal: AbortSignal | undefined): Promise<unknown[]> {
  const out: unknown[] = [];
  let url: string | undefined = firstUrl;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const res = await client.request(url, { resource: 'arm', limit: 'arm', signal });
    const body = res.body as { value?: unknown; nextLink?: unknown } | undefined;
    if (Array.isArray(body?.value)) out.push(...body.value);
    url = str(body?.nextLink);
  }
  return out;
}

/** The resource group named in an ARM id (`/subscriptions/…/resourceGroups/<name>/providers/…`). */
function resourceGroupOf(id: string): string {
  return /\/resourcegroups\/([^/]+)\//i.exec(id)?.[1] ?? '';
}

export async function findWorkspaces(client: ApiClient, armOrigin: string, signal?: AbortSignal): Promise<WorkspaceSearch> {
  const subscriptions = (await listAll(client, `${armOrigin}/subscriptions?api-version=${SUBSCRIPTIONS_API}`, signal))
    .map((s) => {
      const x = s as { subscriptionId?: unknown; displayName?: unknown; state?: unknown } | null;
      const id = str(x?.subscriptionId);
      return id && GUID.test(id) && x?.state !== 'Disabled' ? { id: id.toLowerCase(), name: (str(x?.displayName) ?? id).slice(0, 200) } : undefined;
    })
    .filter((s): s is { id: string; name: string } => s !== undefined)
    .slice(0, MAX_SUBSCRIPTIONS);
  const workspaces = new Map<string, FoundWorkspace>();
  const refused: { subscriptionName: string; code: string }[] = [];
  for (const sub of subscriptions) {
    let entries: unknown[];
    try {
      entries = await listAll(client, `${armOrigin}/subscriptions/${sub.id}/providers/Microsoft.OperationalInsights/workspaces?api-version=${WORKSPACES_API}`, signal);
    } catch (e) {
      // A role on the subscription that does not cover workspaces: the others are still searched.
      if (e instanceof ServiceError && (e.status === 403 || e.status === 404)) {
        refused.push({ subscriptionName: sub.name, code: e.code });
        continue;
      }
      throw e;
    }
    for (const entry of entries) {
      const w = entry as { id?: unknown; name?: unknown; location?: unknown; properties?: { customerId?: unknown; retentionInDays?: unknown } } | null;
      const id = str(w?.properties?.customerId);
      if (!id || !GUID.test(id)) continue;
      const retention = w?.properties?.retentionInDays;
      workspaces.set(id.toLowerCase(), {
        id: id.toLowerCase(),
        name: (str(w?.name) ?? id).slice(0, 200),
        subscriptionId: sub.id,
        subscriptionName: sub.name,
        resourceGroup: resourceGroupOf(str(w?.id) ?? '').slice(0, 90),
        location: (str(w?.location) ?? '').slice(0, 60),
        retentionDays: typeof retention === 'number' && Number.isInteger(retention) && retention > 0 ? retention : undefined,
      });
    }
  }
  return { workspaces: [...workspaces.values()].sort((a, b) => a.name.localeCompare(b.name)), subscriptions: subscriptions.length, refused };
}
