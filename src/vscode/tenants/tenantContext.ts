import type * as vscode from 'vscode';
import { type RedactingLogger } from '../../core/log/redact';
import { type TenantSessions } from './sessions';
import { type TenantStore } from './tenantStore';

/**
 * The tenant services most features need: the tenant list, their sessions, the log and where it is
 * shown, and the extension's memento. activate() builds it once.
 */
export interface TenantContext {
  readonly store: TenantStore;
  readonly sessions: TenantSessions;
  readonly log: RedactingLogger;
  readonly channel: vscode.LogOutputChannel;
  readonly state: vscode.Memento;
}
