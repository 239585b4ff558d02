/** Codes a client may see in `extensions.code`; everything else is masked as INTERNAL_SERVER_ERROR. */
export const ClientErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  QUERY_TOO_COSTLY: "QUERY_TOO_COSTLY",
  QUERY_TIMEOUT: "QUERY_TIMEOUT",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/**
 * An error the client caused or can act on; its message is safe to show. A plain Error below the
 * GraphQL layer: graphql-js copies `extensions` onto the GraphQLError it wraps it in at the edge.
 */
export class ClientError extends Error {
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(code: ClientErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = "ClientError";
    this.extensions = { code, ...extra };
  }

  get code(): ClientErrorCode {
    return this.extensions.code as ClientErrorCode;
  }
}

export class BadUserInputError extends ClientError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(ClientErrorCode.BAD_USER_INPUT, message, extra);
  }
}

export class NotFoundError extends ClientError {
  constructor(message: string) {
    super(ClientErrorCode.NOT_FOUND, message);
  }
}

export class UnauthenticatedError extends ClientError {
  constructor(message = "A valid bearer token is required for this operation.") {
    super(ClientErrorCode.UNAUTHENTICATED, message);
  }
}

export class ServiceUnavailableError extends ClientError {
  constructor(message = "The graph database is unavailable; try again shortly.") {
    super(ClientErrorCode.SERVICE_UNAVAILABLE, message);
  }
}

export class QueryTimeoutError extends ClientError {
  constructor(timeoutMs: number) {
    super(ClientErrorCode.QUERY_TIMEOUT, `The query ran longer than ${timeoutMs} ms and was stopped.`, {
      timeoutMs,
    });
  }
}

/** The query needed more memory than Neo4j allows one transaction (or all of them together); retrying the same query cannot help. */
export class QueryTooCostlyError extends ClientError {
  constructor(
    message = "The query needed more memory than the database allows a query and was stopped; ask for less (fewer rows, a smaller page, shorter values).",
  ) {
    super(ClientErrorCode.QUERY_TOO_COSTLY, message);
  }
}

/** A document or its metadata cannot be ingested; nothing was written. */
export class IngestInputError extends ClientError {
  constructor(message: string) {
    super(ClientErrorCode.BAD_USER_INPUT, message);
    this.name = "IngestInputError";
  }
}
