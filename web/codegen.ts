import type { CodegenConfig } from "@graphql-codegen/cli";

// Operations are typed against the committed schema: a schema change that breaks one fails here or in `tsc -p web`.
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["web/src/**/*.{ts,tsx}", "!web/src/gql/**"],
  ignoreNoDocuments: true,
  generates: {
    "web/src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, skipTypename: false, scalars: { ID: "string" } },
    },
    "web/src/gql/introspection.ts": { plugins: ["urql-introspection"], config: { module: "es2015", useTypeImports: true, minify: true } },
  },
};
export default config;
