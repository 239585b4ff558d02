import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  // The main chunk is about 500 kB before gzip (measured in docs/benchmarks.md); warn only past that.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  // `npm run web:dev`: the app with hot reload, the API from a running service (API_URL).
  server: { proxy: { "/graphql": process.env.API_URL ?? "http://127.0.0.1:4000" } },
});
