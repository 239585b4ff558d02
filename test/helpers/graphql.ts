import { graphql, type ExecutionResult } from "graphql";
import type { Executor } from "../../src/db/executor.js";
import type { GraphQLContext } from "../../src/graphql/context.js";
import { projectionFieldResolver } from "../../src/graphql/field-resolver.js";
import { buildGraphQLSchema } from "../../src/graphql/schema.js";
import { ingestDeps, type IngestDeps } from "../../src/ingest/pipeline.js";

const schema = buildGraphQLSchema();

/** Executes an operation against the real schema and database, as Apollo would (same field resolver). */
export async function execute(executor: Executor, source: string, variables: Record<string, unknown> = {}, curator = false): Promise<ExecutionResult> {
  let deps: IngestDeps | undefined;
  const contextValue: GraphQLContext = { executor, curator, ingest: () => (deps ??= ingestDeps(executor)) };
  return graphql({ schema: await schema, source, variableValues: variables, contextValue, fieldResolver: projectionFieldResolver });
}

/** The data of a successful execution; fails the test with the errors otherwise. */
export async function data<T = Record<string, unknown>>(executor: Executor, source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await execute(executor, source, variables);
  if (result.errors?.length) throw new Error(result.errors.map((e) => `${e.message} ${JSON.stringify(e.extensions)}`).join("\n"));
  return result.data as T;
}
