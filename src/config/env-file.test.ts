import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { loadEnvFile } from "./env-file.js";

const dir = mkdtempSync(path.join(tmpdir(), "env-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("fills unset and empty variables, never overrides set ones", () => {
  const file = path.join(dir, ".env");
  writeFileSync(file, "# comment\nA=from-file\nB=from-file\nC=from-file\n");
  const env: NodeJS.ProcessEnv = { A: "set", B: "" };
  loadEnvFile(file, env);
  expect(env).toEqual({ A: "set", B: "from-file", C: "from-file" });
});

it("ignores a missing file", () => {
  const env: NodeJS.ProcessEnv = {};
  loadEnvFile(path.join(dir, "missing.env"), env);
  expect(env).toEqual({});
});
