/** An error answer from Graph, the Management API, Log Analytics or Azure Resource Manager, with the ids support needs. */
export type ServiceName = 'graph' | 'manage' | 'logAnalytics' | 'arm';

const SERVICE_LABEL: Readonly<Record<ServiceName, string>> = { graph: 'Graph', manage: 'Management API', logAnalytics: 'Log Analytics', arm: 'Azure Resource Manager' };

export class ServiceError extends Error {
  constructor(
    readonly service: ServiceName,
    readonly status: number,
    /** The service's error code (Graph `error.code`, or an AF code). */
    readonly code: string,
    readonly serviceMessage: string,
    readonly requestId?: string,
    readonly clientRequestId?: string,
    readonly date?: string,
    /** The inner error's code, where the service says more than its outer code (Log Analytics). */
    readonly innerCode?: string,
  ) {
    super(`${SERVICE_LABEL[service]} ${status} ${code}: ${serviceMessage}`);
  }

  /** Builds the error from a response body in either service's envelope. */
  static fromBody(service: ServiceName, status: number, body: unknown, headers: { get(name: string): string | null }): ServiceError {
    const err = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
    const e = typeof err === 'object' && err !== null ? (err as Record<string, unknown>) : {};
    // Graph spells it innerError, Log Analytics innererror.
    const innerValue = e.innerError ?? e.innererror;
    const inner = typeof innerValue === 'object' && innerValue !== null ? (innerValue as Record<string, unknown>) : {};
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return new ServiceError(
      service,
      status,
      str(e.code) ?? `HTTP${status}`,
      str(e.message) ?? `The service answered ${status}.`,
      str(inner['request-id']) ?? headers.get('request-id') ?? undefined,
      str(inner['client-request-id']) ?? headers.get('client-request-id') ?? undefined,
      str(inner.date) ?? headers.get('date') ?? undefined,
      str(inner.code),
    );
  }
}
