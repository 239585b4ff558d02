import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports": Vite would pick its .mjs build while Node-loaded deps (type-graphql,
    // Apollo) get the CommonJS one, and two copies of graphql refuse each other's types.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    pool: "forks",
    projects: [
      // Pure logic beside the code: no Java, no Neo4j (`npm run test:unit`).
      { extends: true, test: { name: "unit", include: ["src/**/*.test.ts", "bench/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          // One Neo4j for the whole run, started here (or NEO4J_URI); test files isolate their data inside it.
          globalSetup: ["test/global-setup.ts"],
        },
      },
    ],
  },
});
