import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../src/neo4j/paths.js";

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] | string; interval?: string; retries?: number };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(path.join(PROJECT_ROOT, "docker-compose.yml"), "utf8")) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

describe("docker-compose.yml", () => {
  it("runs Neo4j 5.26 Community with Bolt, a healthcheck and a data volume", () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j?.image).toBe("neo4j:5.26-community");
    expect(neo4j?.ports).toContain("127.0.0.1:7687:7687");
    expect(neo4j?.healthcheck?.test).toBeDefined();
    expect(neo4j?.healthcheck?.retries).toBeGreaterThan(0);
    expect(neo4j?.volumes).toContain("neo4j-data:/data");
    expect(neo4j?.environment?.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD/);
    expect(Object.keys(compose.volumes)).toContain("neo4j-data");
  });

  it("builds the API from the Dockerfile, points it at the neo4j service and waits for its health", () => {
    const api = compose.services.api;
    expect(api?.build).toBe(".");
    expect(api?.environment?.NEO4J_URI).toBe("bolt://neo4j:7687");
    expect(api?.ports).toContain("127.0.0.1:4000:4000");
    expect(api?.depends_on?.neo4j?.condition).toBe("service_healthy");
    expect(String(api?.healthcheck?.test)).toContain("/readyz");
  });

  it("has a Dockerfile on a current Node LTS image that starts the service", () => {
    const dockerfile = readFileSync(path.join(PROJECT_ROOT, "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/^FROM node:(22|24)/m);
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/CMD \["node", "--import", "tsx", "src\/main.ts"\]/);
  });
});
