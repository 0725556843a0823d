import * as vscode from 'vscode';
import { type QuerySession } from '../../core/query/session';

/** Shows a load of more pages as a cancellable notification that counts rows and pages as they come. */
export function showLoadProgress(title: string, session: QuerySession, loading: Promise<void>): void {
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    token.onCancellationRequested(() => session.cancel());
    const tick = setInterval(() => {
      const p = session.progress();
      progress.report({ message: `${p.loaded.toLocaleString('en-US')} loaded, page ${p.pages}${p.throttled ? `, throttled ${p.throttled}×` : ''}` });
    }, 500);
    return loading.finally(() => clearInterval(tick));
  });
}
