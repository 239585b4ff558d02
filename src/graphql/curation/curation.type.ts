import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { EntityKind, FactMethod, Measure, ObservationKind, Qualifier, SkipReason } from "../common/enums.js";

@InputType({ description: "Metadata of a document to ingest (as in data/corpus/*.meta.json)." })
export class DocumentMetadataInput {
  @Field(() => String, { description: "Document id: letters, digits, '.', '_' or '-'." })
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY, YYYY-MM or YYYY-MM-DD: a real calendar date from 1949 to next year." })
  publishedOn?: string | null;

  @Field(() => Int, { nullable: true, description: "The year whose work the document reports on: 1949 to next year." })
  reportYear?: number | null;

  @Field(() => [String], { nullable: true })
  reporters?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "The place the document is about: a name (绵阳市), a path (山东省/青岛市/城阳区) or a GB/T 2260 code; inferred from the text when absent.",
  })
  subject?: string | null;
}

@ObjectType({ description: "Characters of the submitted text: `preview.text.slice(start, end) == quote`." })
export class TextSpan {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => String)
  quote!: string;
}

@ObjectType({ description: "An entity a dry run found: in the graph already (by id) or new." })
export class PreviewEntity {
  @Field(() => String)
  id!: string;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field(() => String)
  name!: string;

  @Field(() => FactMethod)
  method!: FactMethod;

  @Field(() => [TextSpan], { description: "Where the text names it: the first 20." })
  mentions!: TextSpan[];
}

@ObjectType({ description: "A figure a dry run would file, with the characters that state it." })
export class PreviewObservation {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  subjectId!: string;

  @Field(() => String, { description: "The subject's canonical name." })
  subject!: string;

  @Field(() => String)
  indicatorId!: string;

  @Field(() => String)
  indicator!: string;

  @Field(() => ObservationKind)
  kind!: ObservationKind;

  @Field(() => Measure)
  measure!: Measure;

  @Field(() => Int)
  period!: number;

  @Field(() => Int, { nullable: true })
  periodStart!: number | null;

  @Field(() => Float)
  value!: number;

  @Field(() => Float, { nullable: true })
  valueMax!: number | null;

  @Field(() => String)
  unit!: string;

  @Field(() => Qualifier)
  qualifier!: Qualifier;

  @Field(() => String, { description: "The clause as written." })
  text!: string;

  @Field(() => [TextSpan])
  citations!: TextSpan[];
}

@ObjectType({ description: "A post a dry run found: who holds which title in which body." })
export class PreviewPost {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  person!: string;

  @Field(() => String)
  organization!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Boolean)
  current!: boolean;

  @Field(() => [TextSpan])
  citations!: TextSpan[];
}

@ObjectType({ description: "A relationship a dry run found, by the names of its ends." })
export class PreviewRelation {
  @Field(() => String)
  type!: string;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => [TextSpan])
  citations!: TextSpan[];
}

@ObjectType({ description: "A figure left out, and why." })
export class SkippedFigure {
  @Field(() => SkipReason)
  reason!: SkipReason;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => String)
  quote!: string;
}

@ObjectType({
  description: "What a dry run would write, each item at its offsets in `text`. Lists stop at 1,000 items (`truncated`); the counts of the result stay exact.",
})
export class IngestPreview {
  @Field(() => String, { description: "The text as it would be stored (offsets index into it)." })
  text!: string;

  @Field(() => [PreviewEntity], { description: "In order of first mention." })
  entities!: PreviewEntity[];

  @Field(() => [PreviewObservation], { description: "In text order." })
  observations!: PreviewObservation[];

  @Field(() => [PreviewPost])
  posts!: PreviewPost[];

  @Field(() => [PreviewRelation])
  relations!: PreviewRelation[];

  @Field(() => [SkippedFigure], { description: "In text order." })
  skipped!: SkippedFigure[];

  @Field(() => Boolean)
  truncated!: boolean;
}

@ObjectType({ description: "What ingesting a document did." })
export class IngestResult {
  @Field(() => String)
  documentId!: string;

  @Field(() => String, {
    description:
      "CREATED; UPDATED when the same text was in the graph with other metadata (its metadata is replaced and the text read again with it); UNCHANGED when the same text and metadata were. A different text under an id already taken is refused (BAD_USER_INPUT).",
  })
  status!: string;

  @Field(() => Int)
  passages!: number;

  @Field(() => Int)
  entities!: number;

  @Field(() => Int)
  observations!: number;

  @Field(() => Int)
  posts!: number;

  @Field(() => Int)
  relations!: number;

  @Field(() => Int)
  nearDuplicates!: number;

  @Field(() => String, {
    nullable: true,
    description: "Gazetteer path of the place the document is about, as given or found; null when the text does not say.",
  })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: "How the subject was found (see Document.subjectSource)." })
  subjectSource!: string | null;

  @Field(() => Int, { description: "Figures left out because nothing in the text says which place they are about (never filed under a guessed one)." })
  skippedNoSubject!: number;

  @Field(() => Int, { description: "Figures left out because nothing says which year they are of." })
  skippedNoPeriod!: number;

  @Field(() => Int, { description: "Figures left out because what they measure would be a name (of a place, zone or project), not an indicator." })
  skippedNoIndicator!: number;

  @Field(() => [String], { description: "What was read with a warning (a text that ends mid-sentence)." })
  warnings!: string[];

  @Field(() => Boolean, { description: "True when nothing was written: the status and counts say what the ingest would do." })
  dryRun!: boolean;

  @Field(() => IngestPreview, { nullable: true, description: "With `dryRun: true`, what would be extracted; null otherwise." })
  preview!: IngestPreview | null;
}
