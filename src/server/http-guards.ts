import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from "express";
import type { Logger } from "../log/logger.js";

/** The host name of a Host header, without its port; IPv6 literals keep their brackets. */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(0, value.indexOf("]") + 1);
  const colon = value.indexOf(":");
  return colon === -1 ? value : value.slice(0, colon);
}

/** True when the Host header names a host this service answers to ("*" answers to any). */
export function isAllowedHost(header: string | undefined, allowed: readonly string[]): boolean {
  // Only browsers send a Host header a rebinding page controls; a request without one is not a browser's.
  if (header === undefined) return true;
  if (allowed.includes("*")) return true;
  const name = hostName(header);
  return allowed.some((a) => a === name || (a.startsWith("*.") && name.endsWith(a.slice(1))));
}

/** The JSON body of an HTTP-level error, in the shape GraphQL clients already read. */
export function errorBody(code: string, message: string): { errors: Array<{ message: string; extensions: { code: string } }> } {
  return { errors: [{ message, extensions: { code } }] };
}

/** Refuses requests whose Host header is not ours: a DNS-rebinding page cannot reach the API through a browser. */
export function hostGuard(allowed: readonly string[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isAllowedHost(req.headers.host, allowed)) {
      next();
      return;
    }
    res.status(421).json(errorBody("BAD_REQUEST", `Host "${hostName(req.headers.host ?? "")}" is not served here; set ALLOWED_HOSTS to accept it.`));
  };
}

/** Unknown paths answer JSON, not Express's HTML page. */
export const jsonNotFound: RequestHandler = (req, res) => {
  res.status(404).json(errorBody("NOT_FOUND", `No route for ${req.method} ${req.path}.`));
};

interface HttpishError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  type?: unknown;
}

/** The client status an error carries (body-parser's too large, bad JSON…), or undefined for our own failures. */
function clientStatus(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as HttpishError;
  const status = typeof e.status === "number" ? e.status : typeof e.statusCode === "number" ? e.statusCode : undefined;
  return status !== undefined && status >= 400 && status < 500 ? status : undefined;
}

/** body-parser's error types, worded for a client. */
const CLIENT_MESSAGES: ReadonlyMap<string, string> = new Map([
  ["entity.parse.failed", "The request body is not valid JSON."],
  ["entity.too.large", "The request body is too large."],
  ["charset.unsupported", "Unsupported charset."],
  ["encoding.unsupported", "Unsupported content encoding."],
]);

/**
 * What an error in an HTTP request answers: a client's mistake keeps its 4xx status with a fixed
 * message; anything else is logged and answered 500 with no internals unless `exposeInternals`.
 */
export function errorResponse(error: unknown, path: string, log: Logger, exposeInternals: boolean): { status: number; body: ReturnType<typeof errorBody> } {
  const status = clientStatus(error);
  if (status !== undefined) return { status, body: errorBody("BAD_REQUEST", CLIENT_MESSAGES.get(String((error as HttpishError).type)) ?? "Bad request.") };
  log.error({ err: error, path }, "unexpected error in HTTP request");
  const message = exposeInternals && error instanceof Error ? error.message : "Internal server error";
  return { status: 500, body: errorBody("INTERNAL_SERVER_ERROR", message) };
}

/** Express's last error handler: JSON always (errorResponse). */
export function jsonErrorHandler(log: Logger, exposeInternals: boolean): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, body } = errorResponse(error, req.path, log, exposeInternals);
    res.status(status).json(body);
  };
}
