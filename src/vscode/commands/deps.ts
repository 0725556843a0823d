import * as vscode from 'vscode';
import { RedactingLogger } from '../../core/log/redact';
import { TenantSessions } from '../tenants/sessions';
import { TenantStore } from '../tenants/tenantStore';

/** What commands are given; activate() builds it once. */
export interface CommandDeps {
  readonly store: TenantStore;
  readonly sessions: TenantSessions;
  readonly log: RedactingLogger;
  readonly channel: vscode.LogOutputChannel;
  readonly state: vscode.Memento;
}
