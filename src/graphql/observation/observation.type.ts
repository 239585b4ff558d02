import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { pagedListOf } from "../common/connection.type.js";
import { FactMethod, Measure, ObservationKind, Qualifier } from "../common/enums.js";
import { Node } from "../common/node.type.js";
import { Entity, Indicator } from "../entity/entity.type.js";
import { MAX_NAME_LENGTH } from "../../translate/limits.js";
import { Citation } from "../provenance/provenance.type.js";

@ObjectType({ implements: Node, description: "A figure (RDF Data Cube observation): a target, an estimate or a result, with the sentences that state it." })
export class Observation extends Node {
  @Field(() => Entity, { description: "The place, zone, organization or project it is about." })
  subject!: Entity;

  @Field(() => Indicator)
  indicator!: Indicator;

  @Field(() => Int, { description: "The year the value refers to; the last year of a span (过去五年, 2019—2023年)." })
  period!: number;

  @Field(() => Int, { nullable: true, description: "First year of a span the value covers (a five-year total, 年均增长 over 2019–2023); null for one year." })
  periodStart!: number | null;

  @Field(() => ObservationKind)
  kind!: ObservationKind;

  @Field(() => Measure)
  measure!: Measure;

  @Field(() => Float, { description: "As written, before 万/亿: 4.76 for 4.76万人." })
  value!: number;

  @Field(() => Float, { nullable: true, description: "Upper end of a range (3—5个)." })
  valueMax!: number | null;

  @Field(() => String, { description: "As written, with its magnitude: 万人, 亿元, %." })
  unit!: string;

  @Field(() => Float, { nullable: true, description: "With 万/亿 multiplied out: 47600 for 4.76万人." })
  normalizedValue!: number | null;

  @Field(() => String, { nullable: true, description: "The unit without its magnitude: 人, 元, %." })
  normalizedUnit!: string | null;

  @Field(() => Qualifier)
  qualifier!: Qualifier;

  @Field(() => String, { description: "The clause as written." })
  text!: string;

  @Field(() => FactMethod)
  method!: FactMethod;

  @Field(() => [Citation], { description: "Every sentence, in every document, that states it." })
  citations!: Citation[];

  @Field(() => Boolean, { description: "Another document gives a different value for the same subject, indicator, period, kind and unit." })
  conflicting!: boolean;

  @Field(() => [Observation], { description: "The observations it conflicts with, by id." })
  conflictsWith!: Observation[];
}

export const ObservationConnection = pagedListOf("Observation", () => Observation, "A page of observations, by period, kind and id.");
export type ObservationConnection = InstanceType<typeof ObservationConnection>;

@ObjectType({ description: "A target beside the result for the same subject, indicator, year, measure and unit." })
export class Attainment {
  @Field(() => Indicator)
  indicator!: Indicator;

  @Field(() => Observation)
  target!: Observation;

  @Field(() => Observation, { nullable: true })
  actual!: Observation | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the result reached the target; null without a result." })
  met!: boolean | null;
}

@InputType({
  description: `Observations to list; subject and indicator by id, canonical name or alias (at most ${MAX_NAME_LENGTH} characters): the entities a name identifies exactly, or by alias when it identifies none exactly. A name that identifies nothing matches nothing.`,
})
export class ObservationFilter {
  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => String, { nullable: true })
  indicator?: string | null;

  @Field(() => Int, { nullable: true })
  period?: number | null;

  @Field(() => ObservationKind, { nullable: true })
  kind?: ObservationKind | null;
}
