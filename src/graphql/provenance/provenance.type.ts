import { Field, Float, Int, ObjectType } from "type-graphql";
import { pagedListOf } from "../common/connection.type.js";
import { FactMethod } from "../common/enums.js";
import { Node } from "../common/node.type.js";

@ObjectType({ implements: Node, description: "A source file, stored byte for byte. Its id is the file stem." })
export class Document extends Node {
  @Field(() => String)
  sourceFile!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 8601 at the precision known: 2023, 2023-01 or 2023-01-07." })
  publishedOn!: string | null;

  @Field(() => String, { nullable: true, description: "How the date was worked out when the page does not print it." })
  dateNote!: string | null;

  @Field(() => String, { nullable: true })
  page!: string | null;

  @Field(() => String, { nullable: true })
  issue!: string | null;

  @Field(() => Int, { nullable: true, description: "The year whose work the document reports on." })
  reportYear!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "How the subject was found: GIVEN (metadata), TITLE, HEADING (an issuer or congress in the first lines), SIGNATURE (the last lines), OPENING (我代表…人民政府 and the place of that level named most), PLACE_WORDS (全县, 全市 … likewise).",
  })
  subjectSource!: string | null;

  @Field(() => String, { description: "The whole text; `text.slice(start, end)` of any citation is its quote." })
  text!: string;

  @Field(() => Int)
  length!: number;

  @Field(() => String)
  sha256!: string;

  @Field(() => [Article], { description: "Every article, in page order." })
  articles!: Article[];

  @Field(() => [Document], { description: "Other documents that repeat passages of this one (near-duplicates), by id." })
  duplicates!: Document[];
}

@ObjectType({ implements: Node, description: "One article of a newspaper page." })
export class Article extends Node {
  @Field(() => Int)
  index!: number;

  @Field(() => String, { description: "ARTICLE, PANEL (a box of figures), PAGE_HEADER, NOTICE or OBITUARY." })
  kind!: string;

  @Field(() => String, { nullable: true })
  headline!: string | null;

  @Field(() => String, { nullable: true })
  byline!: string | null;

  @Field(() => String, { nullable: true, description: "The place it reports on." })
  place!: string | null;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => Document)
  document!: Document;

  @Field(() => [Passage], { description: "Every sentence, in text order." })
  passages!: Passage[];
}

@ObjectType({ implements: Node, description: "A sentence (or heading line) of an article, with exact offsets into its document." })
export class Passage extends Node {
  @Field(() => String)
  text!: string;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => Int)
  index!: number;

  @Field(() => Int)
  paragraph!: number;

  @Field(() => String, { nullable: true, description: "The heading above it." })
  section!: string | null;

  @Field(() => Boolean)
  isHeading!: boolean;

  @Field(() => Boolean, { description: "Page furniture of a web copy (来源：…, 责任编辑：…, 【打印】): kept for offsets, never read for facts." })
  isFurniture!: boolean;

  @Field(() => Document)
  document!: Document;

  @Field(() => Article, { nullable: true })
  article!: Article | null;

  @Field(() => [NearDuplicate], { description: "Passages of other documents (or this one) that say the same, by passage id." })
  nearDuplicates!: NearDuplicate[];
}

@ObjectType({ description: "A passage that says nearly the same, and how similar (MinHash Jaccard estimate)." })
export class NearDuplicate {
  @Field(() => Float)
  similarity!: number;

  @Field(() => Passage)
  passage!: Passage;
}

@ObjectType({
  description:
    "Where a fact is stated: the quote and its offsets in the document (a W3C Web Annotation text quote and position). `document.text.slice(start, end) == quote`.",
})
export class Citation {
  @Field(() => String)
  quote!: string;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => FactMethod, { nullable: true })
  method!: FactMethod | null;

  @Field(() => Passage)
  passage!: Passage;

  @Field(() => Document)
  document!: Document;
}

export const CitationConnection = pagedListOf("Citation", () => Citation, "A page of citations.");
export type CitationConnection = InstanceType<typeof CitationConnection>;

export const DocumentConnection = pagedListOf("Document", () => Document, "A page of documents, by id.");
export type DocumentConnection = InstanceType<typeof DocumentConnection>;

export const PassageConnection = pagedListOf("Passage", () => Passage, "A page of passages, in text order.");
export type PassageConnection = InstanceType<typeof PassageConnection>;
