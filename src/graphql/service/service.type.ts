import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "The running service and the Neo4j server behind it." })
export class ServiceInfo {
  @Field(() => String, { description: "Version of this service." })
  version!: string;

  @Field(() => String, { description: "Neo4j server version, e.g. 5.26.30." })
  neo4jVersion!: string;

  @Field(() => String, { description: "Neo4j edition: community or enterprise." })
  neo4jEdition!: string;
}
