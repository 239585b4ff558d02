import { type ChildProcess, spawn } from "node:child_process";
import { PROJECT_ROOT } from "../../src/neo4j/paths.js";

export interface ServiceProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Ctrl-C as a terminal sends it: SIGINT to the whole process group. */
  interrupt(): void;
}

/** Runs `npm start` in its own process group with the given environment overrides. */
export function startService(env: Record<string, string>): ServiceProcess {
  const child = spawn("npm", ["start"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    interrupt: () => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGINT");
    },
  };
}

/** Polls a URL until it answers 200, the process exits, or the time is up. */
export async function waitForReady(url: string, service: ServiceProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void service.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`service exited before it was ready:\n${service.output()}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`service not ready within ${timeoutMs} ms:\n${service.output()}`);
}

export interface LogLine {
  level: number;
  msg: string;
  pid?: number;
  signal?: string | null;
}

/** The service's JSON log lines (pino), in order. */
export function logLines(service: ServiceProcess): LogLine[] {
  return service
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

/** The pid of the embedded Neo4j running now: the last one the service said was ready. */
export function neo4jPid(service: ServiceProcess): number {
  return (
    logLines(service)
      .filter((l) => l.msg === "embedded Neo4j ready")
      .at(-1)?.pid ?? -1
  );
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export { PROJECT_ROOT };
