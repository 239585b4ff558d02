import { Field, InputType, Int, ObjectType } from "type-graphql";

@InputType({ description: "Metadata of a document to ingest (as in data/corpus/*.meta.json)." })
export class DocumentMetadataInput {
  @Field(() => String, { description: "Document id: letters, digits, '.', '_' or '-'." })
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY, YYYY-MM or YYYY-MM-DD." })
  publishedOn?: string | null;

  @Field(() => Int, { nullable: true, description: "The year whose work the document reports on." })
  reportYear?: number | null;

  @Field(() => [String], { nullable: true })
  reporters?: string[] | null;
}

@ObjectType({ description: "What ingesting a document did." })
export class IngestResult {
  @Field(() => String)
  documentId!: string;

  @Field(() => String, { description: "CREATED, or UNCHANGED when the same text was already in the graph." })
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
}
