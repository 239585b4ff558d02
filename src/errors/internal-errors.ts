/** Programmer and configuration errors: never shown to API clients, always fatal or logged. */
export class InternalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** One or more environment variables are invalid; `issues` holds one line per variable. */
export class ConfigError extends InternalError {
  constructor(readonly issues: string[]) {
    super(issues.join("\n"));
  }
}

/** Java is missing or too old for the embedded Neo4j; the message is one line for a terminal. */
export class JavaMissingError extends InternalError {}

/** The embedded Neo4j could not be installed or did not become ready. */
export class Neo4jStartError extends InternalError {}

/** Neo4j refused our credentials: a deployment problem, not a client one. */
export class Neo4jAuthError extends InternalError {}

/** A Cypher statement failed for a reason that is our bug (syntax, constraint, schema). */
export class CypherError extends InternalError {
  constructor(
    message: string,
    readonly neo4jCode: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Errors that `npm start` reports as one line, without a stack trace. */
export function isOperatorError(error: unknown): error is InternalError {
  return error instanceof ConfigError || error instanceof JavaMissingError || error instanceof Neo4jStartError || error instanceof Neo4jAuthError;
}
