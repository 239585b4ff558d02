import { Ctx, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../context.js";
import { serviceInfo } from "./service.service.js";
import { ServiceInfo } from "./service.type.js";

@Resolver()
export class ServiceResolver {
  @Query(() => ServiceInfo, { description: "Versions of this service and of its Neo4j server." })
  serviceInfo(@Ctx() ctx: GraphQLContext): Promise<ServiceInfo> {
    return serviceInfo(ctx.executor);
  }
}
