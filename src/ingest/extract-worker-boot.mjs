// A worker thread does not inherit the parent's module loaders: register tsx, then load the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./extract-worker.ts");
