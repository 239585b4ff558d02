export * from "./client-errors.js";
export * from "./internal-errors.js";
