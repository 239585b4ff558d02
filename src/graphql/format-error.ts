import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { ClientError } from "../errors/client-errors.js";
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
    const code = formatted.extensions?.code;
    if (typeof code === "string" && REQUEST_CODES.has(code)) return formatted;
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
