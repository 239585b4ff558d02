import { Field, InputType, Int, ObjectType } from "type-graphql";

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
}
