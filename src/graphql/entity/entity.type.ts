import { Field, InterfaceType, ObjectType } from "type-graphql";
import { connectionOf, pagedListOf } from "../common/connection.type.js";
import { Direction, EntityKind, FactMethod } from "../common/enums.js";
import { Node, typenameOf } from "../common/node.type.js";
import { Citation } from "../provenance/provenance.type.js";

@InterfaceType({
  implements: Node,
  resolveType: typenameOf,
  description:
    "A real-world thing, once, however the texts name it. `mentions`, `relations` and `observations` are pages and take arguments (see the resolvers); lists of related entities (`zones`, `posts` …) are complete, by id.",
})
export abstract class Entity extends Node {
  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field(() => String, { description: "Canonical name." })
  name!: string;

  @Field(() => [String], { description: "Other names the texts use (市北 for 市北区)." })
  aliases!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => FactMethod, {
    description: "CURATED: in the reviewed registry; REFERENCE: from the national gazetteer or the indicator vocabulary; RULE: found by the shape of its name.",
  })
  method!: FactMethod;

  @Field(() => String, { nullable: true, description: "GB/T 2260 code of a province-, prefecture- or county-level place (370203); null for other entities." })
  code!: string | null;

  @Field(() => String, { nullable: true, description: "A place's chain of names in the gazetteer (山东省/青岛市/市北区); null for other entities." })
  path!: string | null;
}

@ObjectType({ description: "A relationship of an entity, with the sentences that state it." })
export class RelationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => String, { description: "PART_OF, LOCATED_IN, PARTNER_OF, SUB_ORGANIZATION_OF, PARTICIPATED_IN or APPLIES_TO." })
  type!: string;

  @Field(() => Direction, { description: "OUT: this entity → node; IN: node → this entity." })
  direction!: Direction;

  @Field(() => Entity)
  node!: Entity;

  @Field(() => [Citation])
  citations!: Citation[];
}
export const RelationConnection = connectionOf("RelationConnection", () => RelationEdge, "A page of an entity's relationships.");
export type RelationConnection = InstanceType<typeof RelationConnection>;

export const EntityConnection = pagedListOf("Entity", () => Entity, "A page of entities, by id.");
export type EntityConnection = InstanceType<typeof EntityConnection>;

@ObjectType({ implements: [Node, Entity], description: "A province (山东省)." })
export class Province extends Entity {
  @Field(() => [City])
  cities!: City[];
}

@ObjectType({ implements: [Node, Entity], description: "A city (青岛市)." })
export class City extends Entity {
  @Field(() => Province, { nullable: true })
  province!: Province | null;

  @Field(() => [District])
  districts!: District[];
}

@ObjectType({ implements: [Node, Entity], description: "A district of a city (市北区)." })
export class District extends Entity {
  @Field(() => City, { nullable: true })
  city!: City | null;

  @Field(() => [Zone], { description: "Its key zones (重点片区)." })
  zones!: Zone[];

  @Field(() => [Subdistrict])
  subdistricts!: Subdistrict[];

  @Field(() => [County], { description: "Partner counties in east–west cooperation." })
  partners!: County[];

  @Field(() => [Project], { description: "Projects placed directly in the district." })
  projects!: Project[];
}

@ObjectType({ implements: [Node, Entity], description: "A county (临洮县)." })
export class County extends Entity {
  @Field(() => City, { nullable: true, description: "The prefecture it belongs to; null for counties directly under a province." })
  city!: City | null;

  @Field(() => Province, { nullable: true, description: "The province, for counties directly under it (省直辖)." })
  province!: Province | null;

  @Field(() => [District])
  partnerOf!: District[];
}

@ObjectType({ implements: [Node, Entity], description: "A subdistrict (街道)." })
export class Subdistrict extends Entity {
  @Field(() => District, { nullable: true })
  district!: District | null;
}

@ObjectType({ implements: [Node, Entity], description: "A key zone of a district (邮轮港区, 历史城区, 金家岭金融区)." })
export class Zone extends Entity {
  @Field(() => District, { nullable: true })
  district!: District | null;

  @Field(() => Zone, { nullable: true, description: "The zone this one lies in (大鲍岛街区 → 历史城区)." })
  parentZone!: Zone | null;

  @Field(() => [Zone])
  subzones!: Zone[];

  @Field(() => [Project])
  projects!: Project[];
}

@ObjectType({ implements: [Node, Entity], description: "A project: a school, park, road, industrial park, building, renewal work." })
export class Project extends Entity {
  @Field(() => Zone, { nullable: true })
  zone!: Zone | null;

  @Field(() => District, { nullable: true })
  district!: District | null;
}

@ObjectType({ implements: [Node, Entity], description: "A government body, party committee, congress, enterprise, medium, hospital." })
export class Organization extends Entity {
  @Field(() => [Post], { description: "Posts in this body and who holds them." })
  posts!: Post[];
}

@ObjectType({ implements: [Node, Entity], description: "A person: an official, a reporter, a photographer." })
export class Person extends Entity {
  @Field(() => [Post])
  posts!: Post[];

  @Field(() => [Event])
  events!: Event[];
}

@ObjectType({ implements: [Node, Entity], description: "A session of congress, a forum, a festival, a contest." })
export class Event extends Entity {
  @Field(() => [Person])
  participants!: Person[];
}

@ObjectType({ implements: [Node, Entity], description: "A plan or regulation, by its title in 《》." })
export class Policy extends Entity {
  @Field(() => [Entity], { description: "The places its title names." })
  appliesTo!: Entity[];
}

@ObjectType({
  implements: [Node, Entity],
  description:
    "What an observation measures (地区生产总值, 新增城镇就业): a standard statistical indicator (method REFERENCE) or a phrase from the text (RULE).",
})
export class Indicator extends Entity {
  @Field(() => String, { nullable: true, description: "Category of a standard indicator in the vocabulary (经济总量, 财政, 收入 …)." })
  category!: string | null;

  @Field(() => String, { nullable: true, description: "The unit a standard indicator is usually given in (元, %, 万人)." })
  unitHint!: string | null;
}

@ObjectType({ implements: Node, description: "A position someone holds (W3C ORG Post), as of the date of the text that states it." })
export class Post extends Node {
  @Field(() => String)
  title!: string;

  @Field(() => Person)
  person!: Person;

  @Field(() => Organization)
  organization!: Organization;

  @Field(() => String, { nullable: true, description: "Date of the document that states the post." })
  asOf!: string | null;

  @Field(() => Boolean, { description: "false for 原… (former) and 时任… (then) posts." })
  current!: boolean;

  @Field(() => FactMethod)
  method!: FactMethod;

  @Field(() => [Citation])
  citations!: Citation[];
}

export const ENTITY_CLASSES = [Province, City, District, County, Subdistrict, Zone, Project, Organization, Person, Event, Policy, Indicator];
