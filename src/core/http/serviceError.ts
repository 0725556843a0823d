/** An error answer from Graph or the Management API, with the ids support needs. */
export class ServiceError extends Error {
  constructor(
    readonly service: 'graph' | 'manage',
    readonly status: number,
    /** The service's error code (Graph `error.code`, or an AF code). */
    readonly code: string,
    readonly serviceMessage: string,
    readonly requestId?: string,
    readonly clientRequestId?: string,
    readonly date?: string,
  ) {
    super(`${service === 'graph' ? 'Graph' : 'Management API'} ${status} ${code}: ${serviceMessage}`);
  }

  /** Builds the error from a response body in either service's envelope. */
  static fromBody(service: 'graph' | 'manage', status: number, body: unknown, headers: { get(name: string): string | null }): ServiceError {
    const err = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
    const e = typeof err === 'object' && err !== null ? (err as Record<string, unknown>) : {};
    const inner = typeof e.innerError === 'object' && e.innerError !== null ? (e.innerError as Record<string, unknown>) : {};
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return new ServiceError(
      service,
      status,
      str(e.code) ?? `HTTP${status}`,
      str(e.message) ?? `The service answered ${status}.`,
      str(inner['request-id']) ?? headers.get('request-id') ?? undefined,
      str(inner['client-request-id']) ?? headers.get('client-request-id') ?? undefined,
      str(inner.date) ?? headers.get('date') ?? undefined,
    );
  }
}
