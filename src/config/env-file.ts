import { existsSync, readFileSync } from "node:fs";
import dotenv from "dotenv";

/**
 * Fills unset variables from the env file. Variables set in the environment win, but an empty
 * one counts as unset, so `NEO4J_PASSWORD=` cannot hide the generated password.
 */
export function loadEnvFile(file: string, env: NodeJS.ProcessEnv = process.env): void {
  if (!existsSync(file)) return;
  for (const [key, value] of Object.entries(dotenv.parse(readFileSync(file)))) {
    if (env[key] === undefined || env[key] === "") env[key] = value;
  }
}
