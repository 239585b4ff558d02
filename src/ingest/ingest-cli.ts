import "reflect-metadata";
import path from "node:path";
import { parseArgs } from "node:util";
import { ClientError } from "../errors/client-errors.js";
import { runCli, withNeo4j } from "../neo4j/cli-connection.js";
import type { MetadataInput } from "./metadata.js";
import { ingestDeps, ingestFile } from "./pipeline.js";

const USAGE = "usage: npm run ingest -- FILE [--id ID] [--title TITLE] [--date YYYY-MM-DD] [--publisher NAME] [--report-year YYYY] [--subject PLACE]";

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      id: { type: "string" },
      title: { type: "string" },
      date: { type: "string" },
      publisher: { type: "string" },
      "report-year": { type: "string" },
      subject: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new ClientError("BAD_USER_INPUT", USAGE);
  const overrides: MetadataInput = {
    ...(values.id ? { id: values.id } : {}),
    ...(values.title ? { title: values.title } : {}),
    ...(values.date ? { publishedOn: values.date } : {}),
    ...(values.publisher ? { publisher: values.publisher } : {}),
    ...(values["report-year"] ? { reportYear: Number(values["report-year"]) } : {}),
    ...(values.subject ? { subject: values.subject } : {}),
  };
  const result = await withNeo4j((executor, _config, log) => ingestFile(path.resolve(file), overrides, ingestDeps(executor, log)));
  console.log(JSON.stringify(result));
});
