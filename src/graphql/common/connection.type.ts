import { type ClassType, Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "./page-info.type.js";

/** A Relay connection over edges of `edge`: the same three fields for every list the API pages. */
export function connectionOf<TEdge extends object>(name: string, edge: () => ClassType<TEdge>, description: string) {
  @ObjectType(name, { description })
  class Connection {
    @Field(() => [edge()])
    edges!: TEdge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items the whole list holds." })
    totalCount!: number;
  }
  return Connection;
}

/** An edge holding only its node, and the connection over it: `XEdge { cursor node }` and `XConnection`. */
export function pagedListOf<TNode extends object>(typeName: string, node: () => abstract new () => TNode, description: string) {
  @ObjectType(`${typeName}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node())
    node!: TNode;
  }
  return connectionOf(`${typeName}Connection`, () => Edge, description);
}
