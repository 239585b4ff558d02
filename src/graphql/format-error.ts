import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ClientError, ClientErrorCode } from "../errors/client-errors.js";
import type { Logger } from "../log/logger.js";

/** Codes Apollo and graphql-js attach to request problems the client made; safe to show. */
const REQUEST_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

function httpStatusOf(error: GraphQLError): unknown {
  const http = error.extensions.http;
  return typeof http === "object" && http !== null && "status" in http ? http.status : undefined;
}

/**
 * Client errors pass through with their code; anything unexpected is logged in full and,
 * outside development, masked so no internals (Cypher, driver messages) reach the client.
 */
export function createErrorFormatter(log: Logger, exposeInternals: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ClientError) {
      return { ...formatted, message: original.message, extensions: { ...original.extensions } };
    }
    // The armor's limit rules (depth, aliases, cost, directives, tokens) run as validation and are the
    // only validation errors carrying a code (BAD_USER_INPUT); Apollo relabels them
    // GRAPHQL_VALIDATION_FAILED. They are not syntax errors either, whatever their message says.
    const validated = error instanceof GraphQLError ? error.originalError : undefined;
    if (formatted.extensions?.code === "GRAPHQL_VALIDATION_FAILED" && validated instanceof GraphQLError && validated.extensions.code === "BAD_USER_INPUT") {
      return { ...formatted, message: formatted.message.replace(/^Syntax Error: /u, ""), extensions: { code: ClientErrorCode.QUERY_TOO_COSTLY } };
    }
    // graphql-js's token limit surfaces as a parse failure; it is a size limit like the armor's.
    if (formatted.extensions?.code === "GRAPHQL_PARSE_FAILED" && /Document contains more th(?:an|at) \d+ tokens/u.test(formatted.message)) {
      return { ...formatted, message: formatted.message.replace(/^Syntax Error: /u, ""), extensions: { code: ClientErrorCode.QUERY_TOO_COSTLY } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && (REQUEST_CODES.has(code) || code in ClientErrorCode)) return formatted;
    // Apollo refuses some requests with a 400 and no code (a persisted query's hash that does not match its text, an unknown APQ version).
    if (code === "INTERNAL_SERVER_ERROR" && error instanceof GraphQLError && httpStatusOf(error) === 400)
      return { ...formatted, extensions: { code: "BAD_REQUEST" } };
    log.error({ err: original, path: formatted.path }, "unexpected error in GraphQL request");
    if (exposeInternals) return formatted;
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}
