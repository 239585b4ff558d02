import { pino, type Logger } from "pino";

export type { Logger };

/** JSON logs on stdout; `component` tells the service's lines from the Neo4j launcher's. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { component: "api" }, redact: ["password", "*.password", "headers.authorization"] });
}
