import { existsSync } from "node:fs";
import express, { type Router } from "express";

export interface BrowserOptions {
  /** The unpacked Neo4j Browser (neo4j/target/browser/browser). */
  dir: string;
  /** Where the Browser should connect: the embedded server's Bolt address. */
  boltUrl: string;
}

/**
 * The real Neo4j Browser at /browser, served from the Maven artifact's files and pointed at the
 * embedded database. With NEO4J_URI the operator runs their own Neo4j (and its own Browser):
 * then /browser says so instead.
 */
export function neo4jBrowser(options: BrowserOptions | undefined): Router {
  const router = express.Router();
  if (!options || !existsSync(options.dir)) {
    router.use((_req, res) => {
      res.status(404).json({
        error: options
          ? "Neo4j Browser is not installed: run npm run neo4j:install"
          : "Neo4j Browser is offered only with the embedded Neo4j; with NEO4J_URI, open your server's own Browser",
      });
    });
    return router;
  }
  router.get("/", (req, res, next) => {
    if (req.query.dbms !== undefined || req.originalUrl.endsWith("/")) return next();
    res.redirect(302, `${req.baseUrl}/?dbms=${encodeURIComponent(options.boltUrl)}`);
  });
  router.use(express.static(options.dir, { index: "index.html", fallthrough: false }));
  return router;
}
