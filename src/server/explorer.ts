import { existsSync } from "node:fs";
import path from "node:path";
import compression from "compression";
import express, { type Request, type Response, type Router } from "express";
import { PROJECT_ROOT } from "../neo4j/paths.js";
import { errorBody } from "./http-guards.js";

/** Where `npm run web:build` (run by `npm start`) puts the explorer. */
export const EXPLORER_DIR = path.join(PROJECT_ROOT, "web", "dist");

// The app talks only to this origin; charts and the graph draw on canvas and WebGL.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The explorer: its hashed assets, and its page for every other GET a browser makes (deep links such
 * as /entity/… are the app's routes). Requests that do not ask for HTML fall through to the JSON 404.
 */
export function explorer(dir: string = EXPLORER_DIR): Router {
  const router = express.Router();
  const index = path.join(dir, "index.html");
  // The app's files only: GraphQL answers stay uncompressed, their CPU goes to queries.
  router.use(compression());
  router.use("/assets", express.static(path.join(dir, "assets"), { immutable: true, maxAge: "365d", index: false }));
  router.get(/.*/, (req: Request, res: Response, next) => {
    if (req.accepts(["json", "html"]) !== "html") {
      next();
      return;
    }
    if (!existsSync(index)) {
      res.status(503).json(errorBody("EXPLORER_NOT_BUILT", "The explorer is not built: run `npm run web:build` (npm start does it)."));
      return;
    }
    res.set({ "Content-Security-Policy": CSP, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" });
    res.sendFile(index);
  });
  return router;
}
