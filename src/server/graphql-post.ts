import type http from "node:http";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import type { Logger } from "../log/logger.js";
import { errorResponse, isAllowedHost } from "./http-guards.js";

/** The largest request body /graphql reads, on either path. */
export const GRAPHQL_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

/** JSON in UTF-8, the body every GraphQL client sends; other charsets and parameters go to Express's parser. */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/iu;

/** Shaped like body-parser's errors (status, type), so errorResponse words both paths' alike. */
class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const tooLarge = (): BodyError => new BodyError(413, "entity.too.large", `request body over ${GRAPHQL_BODY_LIMIT_BYTES} bytes`);

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  if (Number(req.headers["content-length"]) > GRAPHQL_BODY_LIMIT_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error): void => {
      req.off("data", onData).off("end", onEnd).off("close", onClose);
      // What is left is read and dropped, as Express does, so the answer reaches the client.
      req.resume();
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > GRAPHQL_BODY_LIMIT_BYTES) stop(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = (): void => {
      req.off("close", onClose);
      resolve(Buffer.concat(chunks, size));
    };
    const onClose = (): void => stop(new BodyError(400, "request.aborted", "the client closed the request before its body ended"));
    req.on("data", onData).once("end", onEnd).once("close", onClose).once("error", stop);
  });
}

/** The body as body-parser's strict JSON reads it: BOM dropped, empty → {}, only an object or an array at the top. */
export function parseJsonBody(bytes: Buffer): unknown {
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  const first = /^[ \t\n\r]*(.)/su.exec(text)?.[1];
  if (first !== "{" && first !== "[") throw new BodyError(400, "entity.parse.failed", "the body is not a JSON object or array");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BodyError(400, "entity.parse.failed", error instanceof Error ? error.message : String(error));
  }
}

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: (error?: unknown) => void) => void;

export interface GraphQLPostOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  context: (req: http.IncomingMessage) => Promise<C>;
  allowedHosts: readonly string[];
  /** The CORS middleware Express mounts on /graphql, run here too. */
  cors: Middleware;
  log: Logger;
  exposeInternalErrors: boolean;
}

export interface GraphQLPost {
  /** POST /graphql from a Host we serve, with a plain UTF-8 JSON body; Express answers everything else. */
  handles(req: http.IncomingMessage): boolean;
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
}

function pathOf(url: string): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The API's hot path straight from node:http into Apollo: no router, body-parser, content
 * negotiation or ETag, about a tenth of a request's CPU (docs/benchmarks.md). Same answers as
 * the Express route, which keeps serving every other request to /graphql.
 */
export function graphqlPost<C extends BaseContext>(options: GraphQLPostOptions<C>): GraphQLPost {
  const { apollo, log } = options;
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    await new Promise<void>((resolve, reject) => options.cors(req, res, (error) => (error === undefined ? resolve() : reject(error))));
    const body = parseJsonBody(await readBody(req));
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    const url = req.url ?? "";
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: url.slice(pathOf(url).length), body },
      context: () => options.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.setHeader("content-length", Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return {
    handles(req) {
      const encoding = req.headers["content-encoding"];
      return (
        req.method === "POST" &&
        pathOf(req.url ?? "") === "/graphql" &&
        isAllowedHost(req.headers.host, options.allowedHosts) &&
        PLAIN_JSON.test(req.headers["content-type"] ?? "") &&
        (encoding === undefined || encoding.toLowerCase() === "identity")
      );
    },
    async handle(req, res) {
      try {
        await answer(req, res);
      } catch (error) {
        if (res.headersSent) {
          res.destroy(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const { status, body } = errorResponse(error, "/graphql", log, options.exposeInternalErrors);
        const text = JSON.stringify(body);
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
        res.end(text);
      }
    },
  };
}
