// Builds the explorer into web/dist when its sources changed since the last build (`npm start` and the tests call it).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const web = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(web);
const stamp = path.join(web, "dist", ".build-hash");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (name === "gql") return [];
      return statSync(full).isDirectory() ? files(full) : [full];
    });
}

const inputs = [
  ...files(path.join(web, "src")),
  ...["index.html", "vite.config.ts", "codegen.ts", "tsconfig.json", "build.mjs"].map((f) => path.join(web, f)),
  path.join(root, "schema", "schema.graphql"),
  path.join(root, "package-lock.json"),
];
const hash = createHash("sha256");
for (const file of inputs) hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
const digest = hash.digest("hex");

if (!process.argv.includes("--force") && existsSync(stamp) && readFileSync(stamp, "utf8") === digest) process.exit(0);

// Several test runs may start at once: one builds, the others wait for it and then find the stamp current.
const lock = path.join(web, ".build-lock");
const deadline = Date.now() + 300_000;
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch (error) {
    if (error.code !== "EEXIST" || Date.now() > deadline) throw error;
    // A build killed half-way leaves its lock; none takes ten minutes.
    if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
process.on("exit", () => rmSync(lock, { recursive: true, force: true }));
if (!process.argv.includes("--force") && existsSync(stamp) && readFileSync(stamp, "utf8") === digest) process.exit(0);

function run(command, args) {
  // The production build whoever calls (vitest sets NODE_ENV=test, which would make React's development build).
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) {
    console.error(`web build: ${path.basename(command)} ${args.join(" ")} failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
}
run(bin("graphql-codegen"), ["--config", "web/codegen.ts", "--silent"]);
run(bin("vite"), ["build", "web", "--logLevel", "warn"]);
writeFileSync(stamp, digest);
