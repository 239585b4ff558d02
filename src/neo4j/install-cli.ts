import { createLogger } from "../log/logger.js";
import { ensureNeo4jInstalled } from "./install.js";
import { requireJava } from "./java.js";

await ensureNeo4jInstalled(requireJava(), createLogger());
