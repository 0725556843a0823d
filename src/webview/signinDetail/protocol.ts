/** Messages between the sign-in detail panel (host) and its webview app. */
import type { SignInView } from '../../core/detail/signInView';

export interface DetailInit {
  readonly view: SignInView;
  readonly tenantName: string;
  /** Why conditional access details are absent, when they are. */
  readonly caHiddenReason?: string;
  /** Opaque state the webview keeps (vscode.setState) so the panel can be restored after a reload. */
  readonly persist: unknown;
}

export type DetailNotifications = {
  show: DetailInit;
};

export type DetailRequests = {
  copy: { params: { readonly text: string }; result: void };
  runRelated: { params: { readonly index: number }; result: void };
  diagnose: { params: Record<string, never>; result: void };
  openJson: { params: Record<string, never>; result: void };
  saveJson: { params: Record<string, never>; result: void };
};

export const DETAIL_REQUEST_METHODS: readonly (keyof DetailRequests)[] = ['copy', 'runRelated', 'diagnose', 'openJson', 'saveJson'];

export function validDetailParams(method: keyof DetailRequests, params: unknown): boolean {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  if (method === 'copy') return typeof p.text === 'string' && p.text.length <= 4096;
  if (method === 'runRelated') return Number.isSafeInteger(p.index) && (p.index as number) >= 0 && (p.index as number) < 20;
  return true;
}
