import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import type { EmbeddedNeo4jSettings } from "../config/config.js";
import { Neo4jStartError } from "../errors/index.js";
import type { Logger } from "../log/logger.js";
import { recordClassArchiveFlags, useClassArchiveFlags } from "./class-archive.js";
import { renderNeo4jConf } from "./conf.js";
import { LAUNCHER_CLASSPATH, LAUNCHER_MAIN_CLASS } from "./paths.js";

const READY_LINE = "NEO4J_READY";
const STOP_GRACE_MS = 30_000;
const TAIL_LINES = 30;

export interface Neo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  /** Resolves with the exit code once the JVM is gone, whoever stopped it. */
  exited: Promise<number | null>;
  /** The same moment, with the signal that ended the JVM when one did (SIGKILL for kill -9). */
  exit: Promise<Neo4jExit>;
  stop(): Promise<void>;
}

export interface StartOptions {
  settings: EmbeddedNeo4jSettings;
  password: string;
  javaCommand: string;
  javaMajor: number;
  log: Logger;
  /** Record the classes this JVM loads into an AppCDS archive at exit (install time only). */
  recordClassArchiveTo?: string;
}

/**
 * An OutOfMemoryError that escaped to a thread's top: one of Neo4j's own threads died and its state is
 * unknown. (One inside a query's thread is caught by Neo4j and answered as Neo.TransientError.General.OutOfMemoryError.)
 */
const FATAL_OOM = /^Exception in thread "([^"]*)" java\.lang\.OutOfMemoryError/u;

/** JVM flags Neo4j's own start script adds; without them Netty and the page cache run degraded. */
const JVM_OPENS = [
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "-Dio.netty.tryReflectionSetAccessible=true",
];

export function jvmArgs(settings: Pick<EmbeddedNeo4jSettings, "heap" | "homeDir" | "extraClasspath">, classArchive: string[] = []): string[] {
  return [
    ...classArchive,
    `-Xms${settings.heap}`,
    `-Xmx${settings.heap}`,
    // No -XX:+ExitOnOutOfMemoryError: a query whose one huge allocation fails must fail alone, not take the JVM down (see FATAL_OOM).
    "-Dfile.encoding=UTF-8",
    ...JVM_OPENS,
    "-cp",
    [LAUNCHER_CLASSPATH, ...(settings.extraClasspath ?? [])].join(path.delimiter),
    LAUNCHER_MAIN_CLASS,
    settings.homeDir,
  ];
}

/** True when something already accepts TCP connections on host:port. */
export function isPortInUse(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts Neo4j Community in its own JVM and resolves once Bolt accepts the password. */
export async function startEmbeddedNeo4j(options: StartOptions): Promise<EmbeddedNeo4j> {
  const { settings, log } = options;
  const address = `${settings.boltHost}:${settings.boltPort}`;
  if (await isPortInUse(settings.boltHost, settings.boltPort)) {
    throw new Neo4jStartError(
      `Port ${address} is already in use (another Neo4j?): stop it, set NEO4J_BOLT_PORT to a free port, or set NEO4J_URI to use that server.`,
    );
  }
  mkdirSync(path.join(settings.homeDir, "conf"), { recursive: true });
  writeFileSync(path.join(settings.homeDir, "conf", "neo4j.conf"), renderNeo4jConf(settings));

  const archiveFlags = options.recordClassArchiveTo ? recordClassArchiveFlags(options.recordClassArchiveTo) : useClassArchiveFlags(options.javaMajor);
  const child = spawn(options.javaCommand, jvmArgs(settings, archiveFlags), {
    env: { ...process.env, NEO4J_PASSWORD: options.password },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const neo4jLog = log.child({ component: "neo4j" });
  const tail: string[] = [];
  const exit = new Promise<Neo4jExit>((resolve) => {
    child.once("exit", (code, signal) => {
      neo4jLog.debug({ code, signal }, "neo4j process exited");
      resolve({ code, signal });
    });
  });
  const exited = exit.then(({ code }) => code);
  const ready = watchOutput(child, neo4jLog, tail, (thread) => {
    neo4jLog.error({ pid: child.pid, thread }, "Neo4j ran out of heap outside a query; killing it, as -XX:+ExitOnOutOfMemoryError would");
    child.kill("SIGKILL");
  });

  const started = Date.now();
  const outcome = await Promise.race([
    ready.then(() => "ready" as const),
    exited.then(() => "exited" as const),
    spawnError(child),
    delay(settings.startTimeoutMs).then(() => "timeout" as const),
  ]);
  if (outcome !== "ready") {
    child.kill("SIGKILL");
    const reason = outcome === "timeout" ? `did not become ready within ${settings.startTimeoutMs} ms` : `exited during start-up`;
    throw new Neo4jStartError(`Neo4j ${reason} (${address}). Last output:\n${tail.join("\n") || "(none)"}`);
  }
  log.info({ bolt: address, ms: Date.now() - started, pid: child.pid }, "embedded Neo4j ready");

  let stopping: Promise<void> | undefined;
  return {
    uri: `bolt://${address}`,
    pid: child.pid ?? -1,
    exited,
    exit,
    stop() {
      stopping ??= stopChild(child, exited);
      return stopping;
    },
  };
}

function watchOutput(child: ChildProcessWithoutNullStreams, log: Logger, tail: string[], onFatalOutOfMemory: (thread: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const remember = (line: string): void => {
      // The JVM's class-archive notes are noise in an error report.
      if (line.includes("][cds]")) return;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
    };
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith(READY_LINE)) resolve();
      remember(line);
      log.debug(line);
    });
    createInterface({ input: child.stderr }).on("line", (line) => {
      remember(line);
      const fatal = FATAL_OOM.exec(line);
      if (fatal) onFatalOutOfMemory(fatal[1] ?? "");
      if (/\b(ERROR|Exception|launcher:)|\[error/.test(line)) log.warn(line);
      else log.debug(line);
    });
  });
}

function spawnError(child: ChildProcessWithoutNullStreams): Promise<never> {
  return new Promise((_, reject) => {
    child.once("error", (error) => reject(new Neo4jStartError(`Could not run Java for the embedded Neo4j: ${error.message}`, { cause: error })));
  });
}

async function stopChild(child: ChildProcessWithoutNullStreams, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const result = await Promise.race([exited.then(() => "exited" as const), delay(STOP_GRACE_MS).then(() => "late" as const)]);
  if (result === "late") {
    child.kill("SIGKILL");
    await exited;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
