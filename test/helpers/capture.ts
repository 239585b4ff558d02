import { graphql } from "graphql";
import type { RecordShape } from "neo4j-driver";
import { createDriver } from "../../src/db/connect.js";
import type { CypherQuery } from "../../src/db/cypher-query.js";
import { Executor } from "../../src/db/executor.js";
import type { GraphQLContext } from "../../src/graphql/context.js";
import { projectionFieldResolver } from "../../src/graphql/field-resolver.js";
import { buildGraphQLSchema } from "../../src/graphql/schema.js";

/** An executor that records what it is asked to run and answers nothing: translation without a database. */
export class CapturingExecutor extends Executor {
  readonly queries: CypherQuery[] = [];

  constructor() {
    // The driver is never used: nothing here opens a connection.
    super(createDriver({ uri: "bolt://127.0.0.1:1", user: "neo4j", password: "unused-password" }), { database: "neo4j", timeoutMs: 1000 });
  }

  override read<T extends RecordShape = RecordShape>(query: CypherQuery): Promise<T[]> {
    this.queries.push(query);
    return Promise.resolve([]);
  }
}

/** Runs an operation through the real schema and returns the Cypher each root field produced. */
export async function translate(source: string, variables: Record<string, unknown> = {}): Promise<{ queries: CypherQuery[]; errors: string[] }> {
  const executor = new CapturingExecutor();
  const context: GraphQLContext = {
    executor,
    curator: false,
    ingest: () => {
      throw new Error("no ingestion in translation tests");
    },
  };
  const result = await graphql({
    schema: await buildGraphQLSchema(),
    source,
    variableValues: variables,
    contextValue: context,
    fieldResolver: projectionFieldResolver,
  });
  await executor.driver.close();
  return { queries: executor.queries, errors: (result.errors ?? []).map((e) => e.message) };
}
