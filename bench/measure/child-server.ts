import { spawn } from "node:child_process";
import { PROJECT_ROOT } from "../../src/neo4j/paths.js";

/** A server the benchmark runs as its own process, so its memory and CPU are its own. */
export interface ChildServer {
  /** Where it listens (an origin): GraphQL at `${baseUrl}/graphql`, the HTTP floor's operations at `${baseUrl}/op/<name>`. */
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ChildServerOptions {
  /** Names the server in errors. */
  label: string;
  /** Arguments to this Node binary, e.g. ["--import", "tsx", "bench/peer/server.ts"]. */
  args: string[];
  env: Record<string, string>;
  /** Matches the line that says the server listens; group 1 is a URL on it (only its origin is kept). */
  ready: RegExp;
  timeoutMs?: number;
}

const TAIL_LINES = 30;
const KEEP_CHARS = 16_384;

function tail(text: string): string {
  return text.trim().split("\n").slice(-TAIL_LINES).join("\n");
}

/** Spawns the server and resolves once it prints its ready line; a death or timeout gives its output's tail. */
export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child = spawn(process.execPath, options.args, { cwd: PROJECT_ROOT, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not spawn ${options.label}`);
  let output = "";
  const keep = (chunk: string): void => {
    output = (output + chunk).slice(-KEEP_CHARS);
  };
  child.stderr.setEncoding("utf8").on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ? null : code)));
  const readyUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${options.label} was not ready within ${timeoutMs} ms; its output:\n${tail(output)}`));
    }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      keep(chunk);
      const match = options.ready.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${options.label} exited (code ${code ?? "by signal"}) before it was ready; its output:\n${tail(output)}`));
    });
  });
  return {
    baseUrl: new URL(readyUrl).origin,
    pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
