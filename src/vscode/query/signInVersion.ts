import * as vscode from 'vscode';
import { v1SignIns } from '../../core/catalog/signInCategories';
import { type GraphCategory } from '../../core/catalog/types';

/** The Graph version interactive sign-ins are read from: beta unless the user's setting says v1.0. */
export function signInVersion(): 'beta' | 'v1.0' {
  return vscode.workspace.getConfiguration('identityLogs').get<string>('signIns.graphVersion') === 'v1.0' ? 'v1.0' : 'beta';
}

/** The report as this user reads it (interactive sign-ins from v1.0 where the setting asks). */
export function asConfigured(category: GraphCategory): GraphCategory {
  return signInVersion() === 'v1.0' ? v1SignIns(category) : category;
}
