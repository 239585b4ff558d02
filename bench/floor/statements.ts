import { OPERATIONS, type Operation } from "../ops/operations.js";

/** `{ __typename }`: HTTP, JSON and GraphQL with no database call, the least any request over HTTP costs. */
export const TRANSPORT_FLOOR: Operation = {
  name: "transportFloor",
  description: "{ __typename } over HTTP; RETURN 1 through the driver",
  graphql: "{ __typename }",
  variables: () => ({}),
  cypher: "RETURN {__typename: 'Query'} AS data",
  params: () => ({}),
};

/** Operation name → its hand-written Cypher: the endpoints of the HTTP floor. */
export const FLOOR_STATEMENTS: ReadonlyMap<string, string> = new Map([...OPERATIONS, TRANSPORT_FLOOR].map((op) => [op.name, op.cypher]));
