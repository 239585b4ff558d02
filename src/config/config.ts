import path from "node:path";
import { z } from "zod";
import { ConfigError } from "../errors/index.js";

const memorySize = z.string().regex(/^\d+[kmg]$/i, "must be a size such as 512m or 1g");
const duration = z.string().regex(/^\d+(ms|s|m)$/, "must be a duration such as 500ms, 30s or 2m");
const port = z.coerce.number().int().min(1).max(65535);
const boolFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: port.default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, "must be a bolt:// or neo4j:// URI")
    .optional(),
  NEO4J_USER: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  NEO4J_DATABASE: z.string().min(1).default("neo4j"),
  NEO4J_BOLT_HOST: z.string().min(1).default("127.0.0.1"),
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_DATA_DIR: z.string().min(1).default(".data/neo4j"),
  NEO4J_HEAP: memorySize.default("512m"),
  NEO4J_PAGECACHE: memorySize.default("128m"),
  NEO4J_TX_TIMEOUT: duration.default("30s"),
  NEO4J_START_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(10).default(10_000),
  LOAD_CORPUS: boolFlag.default(true),
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((o) => o.trim())
        .filter((o) => o.length > 0),
    )
    .pipe(z.array(z.url({ message: "must be a comma-separated list of origins such as https://app.example.org" })))
    .optional(),
  ALLOWED_HOSTS: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter((h) => h.length > 0),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9.*:[\]-]+$/u, "must be a comma-separated list of host names such as api.example.org or *")))
    .optional(),
  CURATOR_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(500).default(30),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(150_000),
  CYPHER_ROW_CAP: z.coerce.number().int().min(1).max(100_000).default(1000),
  CYPHER_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  RESPONSE_CACHE: boolFlag.default(true),
  RESPONSE_CACHE_MB: z.coerce.number().int().min(1).max(16_384).default(64),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  env: Env["NODE_ENV"];
  http: { host: string; port: number };
  logLevel: Env["LOG_LEVEL"];
  loadCorpus: boolean;
  /** The HTTP API: GraphQL and the read-only Cypher endpoint. */
  api: {
    corsOrigins: string[];
    /** Host header values accepted (DNS-rebinding guard); "*" accepts any. */
    allowedHosts: string[];
    /** Bearer token that lets curators write; writes are refused when unset. */
    curatorToken: string | undefined;
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    /** POST /cypher: rows returned at most, and its transaction timeout. */
    cypherRowCap: number;
    cypherTimeoutMs: number;
    /** Whole query responses kept by operation, variables and graph version; off when false. */
    responseCache: { enabled: boolean; maxBytes: number };
  };
  neo4j: {
    /** Set when the operator runs Neo4j elsewhere; then nothing is started. */
    externalUri: string | undefined;
    user: string;
    password: string | undefined;
    database: string;
    queryTimeoutMs: number;
    embedded: EmbeddedNeo4jSettings;
  };
}

export interface EmbeddedNeo4jSettings {
  boltHost: string;
  boltPort: number;
  homeDir: string;
  heap: string;
  pageCache: string;
  txTimeout: string;
  startTimeoutMs: number;
  /** Plugin jars directory (server.directories.plugins); unset for `npm start`, which runs no plugins. */
  pluginDir?: string;
  /** dbms.security.procedures.unrestricted; empty (nothing unrestricted) when unset. */
  unrestrictedProcedures?: string;
  /** Jars appended to the launcher's classpath (APOC's extensions load only from the classpath in embedded mode). */
  extraClasspath?: string[];
}

/** Reads and validates the environment once; throws ConfigError with one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const present = Object.fromEntries(
    Object.keys(schema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === "" ? [] : [[key, value]];
    }),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const shown = /PASSWORD|TOKEN/.test(name) ? "(hidden)" : JSON.stringify(present[name] ?? "");
        return `${name}=${shown}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    http: { host: e.HOST, port: e.PORT },
    logLevel: e.LOG_LEVEL,
    loadCorpus: e.LOAD_CORPUS,
    api: {
      corsOrigins: e.CORS_ORIGINS ?? [],
      allowedHosts: e.ALLOWED_HOSTS ?? defaultAllowedHosts(e.HOST),
      curatorToken: e.CURATOR_TOKEN,
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxCost: e.GRAPHQL_MAX_COST,
      cypherRowCap: e.CYPHER_ROW_CAP,
      cypherTimeoutMs: e.CYPHER_TIMEOUT_MS,
      responseCache: { enabled: e.RESPONSE_CACHE, maxBytes: e.RESPONSE_CACHE_MB * 2 ** 20 },
    },
    neo4j: {
      externalUri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      queryTimeoutMs: e.QUERY_TIMEOUT_MS,
      embedded: {
        boltHost: e.NEO4J_BOLT_HOST,
        boltPort: e.NEO4J_BOLT_PORT,
        homeDir: path.resolve(cwd, e.NEO4J_DATA_DIR),
        heap: e.NEO4J_HEAP,
        pageCache: e.NEO4J_PAGECACHE,
        txTimeout: e.NEO4J_TX_TIMEOUT,
        startTimeoutMs: e.NEO4J_START_TIMEOUT_MS,
      },
    },
  };
}

/** Local names, plus the listening address when it is a specific one. */
export function defaultAllowedHosts(host: string): string[] {
  const local = ["localhost", "127.0.0.1", "[::1]"];
  const wildcard = host === "0.0.0.0" || host === "::";
  return wildcard || local.includes(host) ? local : [...local, host.toLowerCase()];
}
