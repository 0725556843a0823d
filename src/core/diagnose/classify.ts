/** Turns any error the extension meets into a code from the catalog, plus the ids support needs. */
import { NotSignedInError } from '../auth/credentials';
import { ServiceError } from '../http/serviceError';
import { RetriesExhaustedError } from '../http/client';
import { NetworkFailureError } from '../http/networkFailure';
import { ERROR_CATALOG, type ErrorExplanation, explain } from './errors';

export interface Diagnosis {
  readonly code: string;
  readonly explanation: ErrorExplanation | undefined;
  /** What the service itself said. */
  readonly serviceMessage: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly date?: string;
}

const TROUBLESHOOTING_MESSAGES = [...ERROR_CATALOG.keys()].filter((k) => k.startsWith('msg:')).map((k) => k.slice(4));

function fromMessage(message: string): string | undefined {
  const aadsts = /AADSTS(\d{5,7})/.exec(message);
  if (aadsts) return `AADSTS${aadsts[1]}`;
  const known = TROUBLESHOOTING_MESSAGES.find((m) => message.includes(m));
  return known ? `msg:${known}` : undefined;
}

export function diagnose(error: unknown): Diagnosis {
  // The last failure is the cause: "gave up after 8 tries" says nothing about what to fix.
  if (error instanceof RetriesExhaustedError) return diagnose(error.last);
  if (error instanceof NetworkFailureError) {
    const base = explain(error.code);
    return { code: error.code, explanation: base ? { ...base, title: `${base.title} (${error.proxy ?? error.host})` } : undefined, serviceMessage: error.message };
  }
  if (error instanceof ServiceError && error.service === 'arm') {
    return { code: error.code, explanation: explain(`arm:${error.code}`) ?? explain(error.code), serviceMessage: error.serviceMessage, status: error.status, requestId: error.requestId, clientRequestId: error.clientRequestId, date: error.date };
  }
  if (error instanceof ServiceError && error.service === 'logAnalytics') {
    const explanation = explain(`la:${error.code}/${error.innerCode ?? ''}`) ?? explain(`la:${error.code}`) ?? explain(error.code);
    return { code: error.innerCode ? `${error.code}/${error.innerCode}` : error.code, explanation, serviceMessage: error.serviceMessage, status: error.status, requestId: error.requestId, clientRequestId: error.clientRequestId, date: error.date };
  }
  if (error instanceof ServiceError) {
    // Prefer the specific troubleshooting text when Graph wraps it in a generic code.
    const byText = explain(error.code) ? undefined : fromMessage(error.serviceMessage);
    const code = byText ?? error.code;
    return { code, explanation: explain(code), serviceMessage: error.serviceMessage, status: error.status, requestId: error.requestId, clientRequestId: error.clientRequestId, date: error.date };
  }
  if (error instanceof NotSignedInError) return { code: 'NotSignedIn', explanation: explain('NotSignedIn'), serviceMessage: error.message };
  if (typeof error === 'object' && error !== null) {
    const e = error as { errorCode?: unknown; errorMessage?: unknown; message?: unknown; code?: unknown; type?: unknown; correlationId?: unknown };
    if (typeof e.errorCode === 'string') {
      // An MSAL AuthError: the AADSTS code sits in the message; the error code is the OAuth one.
      const message = typeof e.errorMessage === 'string' ? e.errorMessage : String(e.message ?? '');
      const code = fromMessage(message) ?? e.errorCode;
      return { code, explanation: explain(code), serviceMessage: message || e.errorCode, clientRequestId: typeof e.correlationId === 'string' ? e.correlationId : undefined };
    }
    const message = typeof e.message === 'string' ? e.message : String(error);
    if (e.type === 'system' || /ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|EAI_AGAIN|socket hang up|network/i.test(`${String(e.code ?? '')} ${message}`)) {
      return { code: 'NetworkError', explanation: explain('NetworkError'), serviceMessage: message };
    }
    // Our own errors that carry a catalogued code (a slice too large to narrow further).
    if (typeof e.code === 'string' && explain(e.code)) return { code: e.code, explanation: explain(e.code), serviceMessage: message };
    const code = fromMessage(message);
    if (code) return { code, explanation: explain(code), serviceMessage: message };
    return { code: 'Unknown', explanation: undefined, serviceMessage: message };
  }
  return { code: 'Unknown', explanation: undefined, serviceMessage: String(error) };
}

/** One line for a notification: what happened and what to do, with the code to search for. */
export function summarize(d: Diagnosis): string {
  if (!d.explanation) return `${d.serviceMessage} (${d.code})`;
  return `${d.explanation.title}. ${d.explanation.nextStep} (${d.code})`;
}

/** The lines that go to the log for "Show details": never a token (the logger redacts as well). */
export function detailLines(d: Diagnosis): string[] {
  const lines = [`error ${d.code}${d.status ? ` (HTTP ${d.status})` : ''}: ${d.serviceMessage}`];
  if (d.explanation) lines.push(`  meaning: ${d.explanation.message}`, `  next step: ${d.explanation.nextStep}`);
  if (d.requestId) lines.push(`  request-id: ${d.requestId}`);
  if (d.clientRequestId) lines.push(`  client-request-id: ${d.clientRequestId}`);
  if (d.date) lines.push(`  date: ${d.date}`);
  return lines;
}
