import { BadUserInputError } from "../errors/client-errors.js";
import type { CypherBuilder } from "./cypher-builder.js";
import { page } from "./cursor.js";
import { ENTITY_RELATION_TYPES, ENTITY_TYPE, ENTITY_TYPES, isEntityType, labelOf, POSSIBLE_TYPES, supertypes } from "./model.js";
import { type FieldSelection, fieldsFor } from "./selection.js";

/**
 * Compiles a selection into one Cypher map expression per object: each field becomes a property
 * expression, relation fields become COLLECT/COUNT subqueries, so a whole tree of fields is
 * fetched by a single statement. Field resolvers then only read the returned maps.
 */

type FieldCompiler = (b: CypherBuilder, node: string, selection: FieldSelection) => string;

const key = (name: string): string => `\`${name}\``;
const prop = (name: string): FieldCompiler => (_b, n) => `${n}.${name}`;

/** A map literal from (key, expression) pairs. */
function mapOf(entries: Array<[string, string]>): string {
  return `{${entries.map(([k, v]) => `${key(k)}: ${v}`).join(", ")}}`;
}

/** A list, capped: relation lists take an optional `first` (default and maximum 100). */
function listLimit(b: CypherBuilder, selection: FieldSelection): string {
  const first = selection.args.first ?? 100;
  if (typeof first !== "number" || !Number.isInteger(first) || first < 0 || first > 100) {
    throw new BadUserInputError(`first must be between 0 and 100 (got ${String(first)})`, { argument: "first" });
  }
  return b.param(first);
}

/** `[…]` of projected related nodes: `pattern` binds `m`; ordered by id for a stable answer. */
function related(pattern: string, typeName: string, single: boolean): FieldCompiler {
  return (b, n, selection) => {
    const m = b.variable("m");
    // One pass: a second replace would rewrite `n` itself when it is an `m…` variable of an outer field.
    const match = pattern.replace(/\((n|m)(?=[):])/gu, (_all, v: string) => `(${v === "n" ? n : m}`);
    const limit = single ? "1" : listLimit(b, selection);
    const list = `COLLECT { MATCH ${match} WITH DISTINCT ${m} ORDER BY ${m}.id LIMIT toInteger(${limit}) RETURN ${project(b, m, typeName, selection)} }`;
    return single ? `head(${list})` : list;
  };
}

/** Citation maps from a quote span and the passage variable it lies in. */
function citationMap(b: CypherBuilder, selection: FieldSelection, span: { quote: string; start: string; end: string; method: string; passage: string }): string {
  const fields = fieldsFor(selection, "Citation", []);
  return mapOf(
    fields.map((f): [string, string] => {
      switch (f.field) {
        case "quote":
          return [f.key, span.quote];
        case "start":
          return [f.key, span.start];
        case "end":
          return [f.key, span.end];
        case "method":
          return [f.key, span.method];
        case "passage":
          return [f.key, project(b, span.passage, "Passage", f)];
        case "document": {
          const d = b.variable("d");
          return [f.key, `head(COLLECT { MATCH (${d}:Document {id: ${span.passage}.documentId}) RETURN ${project(b, d, "Document", f)} })`];
        }
        default:
          throw new Error(`Citation.${f.field} has no translation`);
      }
    }),
  );
}

/** `CITED_IN` relationships of a node as citations (mentions of an entity, sources of a fact). */
function citedIn(b: CypherBuilder, n: string, selection: FieldSelection): string {
  const c = b.variable("c");
  const p = b.variable("p");
  return `COLLECT { MATCH (${n})-[${c}:CITED_IN]->(${p}:Passage) WITH ${c}, ${p} ORDER BY ${p}.documentId, ${c}.start, ${c}.end RETURN ${citationMap(b, selection, { quote: `${c}.quote`, start: `${c}.start`, end: `${c}.end`, method: `${c}.method`, passage: p })} }`;
}

/** Citations of a relationship between entities, kept as `"<passage>#<start>-<end>"` strings. */
function relationshipCitations(b: CypherBuilder, r: string, selection: FieldSelection): string {
  const cite = b.variable("cite");
  const p = b.variable("p");
  const span = b.variable("span");
  return `COLLECT { UNWIND coalesce(${r}.citations, []) AS ${cite} WITH ${r}, split(${cite}, '#') AS parts WITH ${r}, parts[0] AS pid, [x IN split(parts[1], '-') | toInteger(x)] AS ${span} MATCH (${p}:Passage {id: pid}) RETURN ${citationMap(b, selection, { quote: `substring(${p}.text, ${span}[0] - ${p}.start, ${span}[1] - ${span}[0])`, start: `${span}[0]`, end: `${span}[1]`, method: `${r}.method`, passage: p })} }`;
}

interface ConnectionSpec {
  connectionType: string;
  edgeType: string;
  /** MATCH … WHERE … binding the variables named in `carry`. */
  pattern: string;
  carry: string;
  order: string;
  /** Edge map for the selected edge fields. */
  edge: (edgeFields: FieldSelection[]) => string;
}

/**
 * A Relay connection as one map: the page of edges (SKIP/LIMIT over a stable order) and, when
 * asked for, the total. With pageInfo the page reads one item more, so hasNextPage costs no count
 * of the whole list. Cursors and pageInfo are derived from it after the query (`shape.ts`).
 */
export function connection(b: CypherBuilder, selection: FieldSelection, spec: ConnectionSpec): string {
  const { offset, first } = page(selection.args);
  const fields = fieldsFor(selection, spec.connectionType, []);
  const edges = fields.filter((f) => f.field === "edges");
  const edgeFields = edges.flatMap((e) => fieldsFor(e, spec.edgeType, []));
  const wantsTotal = fields.some((f) => f.field === "totalCount");
  const wantsPageInfo = fields.some((f) => f.field === "pageInfo");
  const off = b.param(offset);
  const lim = b.param(first);
  const read = b.param(wantsPageInfo ? first + 1 : first);
  const within = `${spec.pattern} WITH ${spec.carry} ORDER BY ${spec.order} SKIP toInteger(${off}) LIMIT toInteger(${read})`;
  // Without edges, pageInfo still needs to know how many items the page holds (for its cursors).
  const items = edges.length > 0 ? `COLLECT { ${within} RETURN ${spec.edge(edgeFields)} }` : wantsPageInfo ? `COLLECT { ${within} RETURN {} }` : "[]";
  const total = wantsTotal ? `COUNT { ${spec.pattern} }` : "null";
  return `{__connection: true, offset: ${off}, first: ${lim}, totalCount: ${total}, items: ${items}}`;
}

/** Edge maps: `node` projected as `nodeType`, other edge fields from `extra`. */
function edgeMap(b: CypherBuilder, fields: FieldSelection[], nodeVar: string, nodeType: string, extra: Record<string, (f: FieldSelection) => string> = {}): string {
  return mapOf(
    fields
      .filter((f) => f.field !== "cursor")
      .map((f): [string, string] => {
        if (f.field === "node") return [f.key, project(b, nodeVar, nodeType, f)];
        const compile = extra[f.field];
        if (!compile) throw new Error(`edge field ${f.field} has no translation`);
        return [f.key, compile(f)];
      }),
  );
}

function mentions(b: CypherBuilder, n: string, selection: FieldSelection): string {
  const c = b.variable("c");
  const p = b.variable("p");
  return connection(b, selection, {
    connectionType: "CitationConnection",
    edgeType: "CitationEdge",
    pattern: `MATCH (${n})-[${c}:CITED_IN]->(${p}:Passage)`,
    carry: `${c}, ${p}`,
    order: `${p}.documentId, ${c}.start, ${c}.end`,
    edge: (fields) =>
      mapOf(
        fields
          .filter((f) => f.field === "node")
          .map((f): [string, string] => [f.key, citationMap(b, f, { quote: `${c}.quote`, start: `${c}.start`, end: `${c}.end`, method: `${c}.method`, passage: p })]),
      ),
  });
}

const DIRECTION_FILTER: Record<string, (n: string, r: string) => string> = {
  OUT: (n, r) => `startNode(${r}) = ${n}`,
  IN: (n, r) => `endNode(${r}) = ${n}`,
  BOTH: () => "true",
};

function relations(b: CypherBuilder, n: string, selection: FieldSelection): string {
  const types = (selection.args.types as string[] | null | undefined) ?? [...ENTITY_RELATION_TYPES];
  const unknown = types.filter((t) => !(ENTITY_RELATION_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw new BadUserInputError(`unknown relation type ${unknown.join(", ")}; use ${ENTITY_RELATION_TYPES.join(", ")}`, { argument: "types" });
  }
  const direction = (selection.args.direction as string | undefined) ?? "BOTH";
  const filter = DIRECTION_FILTER[direction];
  if (!filter) throw new BadUserInputError(`direction must be OUT, IN or BOTH`, { argument: "direction" });
  const r = b.variable("r");
  const m = b.variable("m");
  return connection(b, selection, {
    connectionType: "RelationConnection",
    edgeType: "RelationEdge",
    pattern: `MATCH (${n})-[${r}]-(${m}:Entity) WHERE type(${r}) IN ${b.param(types)} AND ${filter(n, r)}`,
    carry: `${n}, ${r}, ${m}`,
    order: `type(${r}), ${m}.id, CASE WHEN startNode(${r}) = ${n} THEN 0 ELSE 1 END`,
    edge: (fields) =>
      edgeMap(b, fields, m, "Entity", {
        type: () => `type(${r})`,
        direction: () => `CASE WHEN startNode(${r}) = ${n} THEN 'OUT' ELSE 'IN' END`,
        citations: (f) => relationshipCitations(b, r, f),
      }),
  });
}

/** Observations about an entity, or of an indicator, filtered by period and kind. */
function observationsOf(b: CypherBuilder, n: string, selection: FieldSelection): string {
  const o = b.variable("o");
  const r = b.variable("r");
  // Expanding from the bound entity keeps this a walk of its own observations (an OR of two patterns
  // made the planner start from every observation of the period instead).
  const conditions = [`type(${r}) = CASE WHEN ${n}:Indicator THEN 'OF_INDICATOR' ELSE 'ABOUT' END`];
  if (typeof selection.args.period === "number") conditions.push(`${o}.period = ${b.param(selection.args.period)}`);
  if (typeof selection.args.kind === "string") conditions.push(`${o}.kind = ${b.param(selection.args.kind)}`);
  return connection(b, selection, {
    connectionType: "ObservationConnection",
    edgeType: "ObservationEdge",
    pattern: `MATCH (${n})<-[${r}:ABOUT|OF_INDICATOR]-(${o}:Observation) WHERE ${conditions.join(" AND ")}`,
    carry: o,
    order: `${o}.period, ${o}.kind, ${o}.id`,
    edge: (fields) => edgeMap(b, fields, o, "Observation"),
  });
}

const ENTITY_FIELDS: Record<string, FieldCompiler> = {
  id: prop("id"),
  kind: prop("kind"),
  name: prop("name"),
  aliases: (_b, n) => `coalesce(${n}.aliases, [])`,
  description: prop("description"),
  method: prop("method"),
  code: prop("code"),
  path: prop("path"),
  mentions: (b, n, s) => mentions(b, n, s),
  relations: (b, n, s) => relations(b, n, s),
  observations: (b, n, s) => observationsOf(b, n, s),
};

/** Typed relation fields of each entity type. */
const ENTITY_TYPE_FIELDS: Record<string, Record<string, FieldCompiler>> = {
  Province: { cities: related("(m:City)-[:PART_OF]->(n)", "City", false) },
  City: {
    province: related("(n)-[:PART_OF]->(m:Province)", "Province", true),
    districts: related("(m:District)-[:PART_OF]->(n)", "District", false),
  },
  District: {
    city: related("(n)-[:PART_OF]->(m:City)", "City", true),
    zones: related("(m:Zone)-[:PART_OF]->(n)", "Zone", false),
    subdistricts: related("(m:Subdistrict)-[:PART_OF]->(n)", "Subdistrict", false),
    partners: related("(m:County)-[:PARTNER_OF]->(n)", "County", false),
    projects: related("(m:Project)-[:LOCATED_IN]->(n)", "Project", false),
  },
  County: {
    city: related("(n)-[:PART_OF]->(m:City)", "City", true),
    province: related("(n)-[:PART_OF]->(m:Province)", "Province", true),
    partnerOf: related("(n)-[:PARTNER_OF]->(m:District)", "District", false),
  },
  Subdistrict: { district: related("(n)-[:PART_OF]->(m:District)", "District", true) },
  Zone: {
    district: related("(n)-[:PART_OF]->(m:District)", "District", true),
    parentZone: related("(n)-[:PART_OF]->(m:Zone)", "Zone", true),
    subzones: related("(m:Zone)-[:PART_OF]->(n)", "Zone", false),
    projects: related("(m:Project)-[:LOCATED_IN]->(n)", "Project", false),
  },
  Project: {
    zone: related("(n)-[:LOCATED_IN]->(m:Zone)", "Zone", true),
    district: related("(n)-[:LOCATED_IN]->(m:District)", "District", true),
  },
  Organization: { posts: related("(m:Post)-[:POST_IN]->(n)", "Post", false) },
  Person: {
    posts: related("(n)-[:HOLDS]->(m:Post)", "Post", false),
    events: related("(n)-[:PARTICIPATED_IN]->(m:Event)", "Event", false),
  },
  Event: { participants: related("(m:Person)-[:PARTICIPATED_IN]->(n)", "Person", false) },
  Policy: { appliesTo: related("(n)-[:APPLIES_TO]->(m:Entity)", "Entity", false) },
  Indicator: { category: prop("category"), unitHint: prop("unitHint") },
};

const PROVENANCE_FIELDS: Record<string, Record<string, FieldCompiler>> = {
  Document: {
    id: prop("id"),
    sourceFile: prop("sourceFile"),
    title: prop("title"),
    publisher: prop("publisher"),
    publishedOn: prop("publishedOn"),
    dateNote: prop("dateNote"),
    page: prop("page"),
    issue: prop("issue"),
    reportYear: prop("reportYear"),
    subject: related("(n)-[:REPORTS_ON]->(m:Entity)", "Entity", true),
    subjectSource: prop("subjectSource"),
    text: prop("text"),
    length: prop("length"),
    sha256: prop("sha256"),
    articles: related("(n)-[:HAS_ARTICLE]->(m:Article)", "Article", false),
    duplicates: (b, n, s) => {
      const other = b.variable("doc");
      return `COLLECT { MATCH (:Passage {documentId: ${n}.id})-[:NEAR_DUPLICATE_OF]-(q:Passage) WHERE q.documentId <> ${n}.id WITH DISTINCT q.documentId AS otherId MATCH (${other}:Document {id: otherId}) WITH ${other} ORDER BY ${other}.id RETURN ${project(b, other, "Document", s)} }`;
    },
    passages: (b, n, s) => {
      const p = b.variable("p");
      return connection(b, s, {
        connectionType: "PassageConnection",
        edgeType: "PassageEdge",
        pattern: `MATCH (${p}:Passage {documentId: ${n}.id})`,
        carry: p,
        order: `${p}.start`,
        edge: (fields) => edgeMap(b, fields, p, "Passage"),
      });
    },
  },
  Article: {
    id: prop("id"),
    index: prop("index"),
    kind: prop("kind"),
    headline: prop("headline"),
    byline: prop("byline"),
    place: prop("place"),
    start: prop("start"),
    end: prop("end"),
    document: related("(m:Document)-[:HAS_ARTICLE]->(n)", "Document", true),
    passages: related("(n)-[:HAS_PASSAGE]->(m:Passage)", "Passage", false),
    reporters: related("(n)-[:WRITTEN_BY]->(m:Person)", "Person", false),
    photographers: related("(n)-[:PHOTOGRAPHED_BY]->(m:Person)", "Person", false),
  },
  Passage: {
    id: prop("id"),
    text: prop("text"),
    start: prop("start"),
    end: prop("end"),
    index: prop("index"),
    paragraph: prop("paragraph"),
    section: prop("section"),
    isHeading: prop("isHeading"),
    isFurniture: (_b, n) => `coalesce(${n}.isFurniture, false)`,
    document: (b, n, s) => {
      const d = b.variable("d");
      return `head(COLLECT { MATCH (${d}:Document {id: ${n}.documentId}) RETURN ${project(b, d, "Document", s)} })`;
    },
    article: related("(m:Article)-[:HAS_PASSAGE]->(n)", "Article", true),
    nearDuplicates: (b, n, s) => {
      const q = b.variable("q");
      const r = b.variable("r");
      const fields = fieldsFor(s, "NearDuplicate", []);
      return `COLLECT { MATCH (${n})-[${r}:NEAR_DUPLICATE_OF]-(${q}:Passage) WITH ${r}, ${q} ORDER BY ${q}.id RETURN ${mapOf(
        fields.map((f): [string, string] => [f.key, f.field === "similarity" ? `${r}.similarity` : project(b, q, "Passage", f)]),
      )} }`;
    },
  },
  Observation: {
    id: prop("id"),
    period: prop("period"),
    periodStart: prop("periodStart"),
    kind: prop("kind"),
    measure: prop("measure"),
    value: prop("value"),
    valueMax: prop("valueMax"),
    unit: prop("unit"),
    normalizedValue: prop("normalizedValue"),
    normalizedUnit: prop("normalizedUnit"),
    qualifier: prop("qualifier"),
    text: prop("text"),
    method: prop("method"),
    conflicting: (_b, n) => `coalesce(${n}.conflicting, false)`,
    subject: related("(n)-[:ABOUT]->(m:Entity)", "Entity", true),
    indicator: related("(n)-[:OF_INDICATOR]->(m:Indicator)", "Indicator", true),
    citations: (b, n, s) => citedIn(b, n, s),
    conflictsWith: related("(n)-[:CONFLICTS_WITH]-(m:Observation)", "Observation", false),
  },
  Post: {
    id: prop("id"),
    title: prop("title"),
    asOf: prop("asOf"),
    current: prop("current"),
    method: prop("method"),
    person: related("(m:Person)-[:HOLDS]->(n)", "Person", true),
    organization: related("(n)-[:POST_IN]->(m:Organization)", "Organization", true),
    citations: (b, n, s) => citedIn(b, n, s),
  },
};

function compilerFor(typeName: string, field: string): FieldCompiler | undefined {
  if (isEntityType(typeName)) return ENTITY_TYPE_FIELDS[typeName]?.[field] ?? ENTITY_FIELDS[field];
  return PROVENANCE_FIELDS[typeName]?.[field];
}

function projectConcrete(b: CypherBuilder, n: string, typeName: string, fields: FieldSelection[], typename: string): string {
  // A concrete type's map: its name as a constant, then each asked field.
  const entries: Array<[string, string]> = [["__typename", typename]];
  for (const f of fields) {
    if (f.field.startsWith("__")) continue;
    const compile = compilerFor(typeName, f.field);
    if (!compile) throw new Error(`${typeName}.${f.field} has no translation`);
    entries.push([f.key, compile(b, n, f)]);
  }
  return mapOf(entries);
}

/** The GraphQL type name of an entity node, from its kind (an allow-listed constant per branch). */
function entityTypename(n: string): string {
  return `CASE ${n}.kind ${Object.entries(ENTITY_TYPE).map(([kind, type]) => `WHEN '${kind}' THEN '${type}'`).join(" ")} END`;
}

/**
 * The map for node `n` of (abstract or concrete) type `typeName`, holding the fields `selection`
 * asks for. For an abstract type, a field every member is asked the same way is compiled once;
 * a field only some members are asked (an inline fragment) is guarded by the node's label.
 */
export function project(b: CypherBuilder, n: string, typeName: string, selection: FieldSelection): string {
  const members = POSSIBLE_TYPES[typeName];
  if (!members) return projectConcrete(b, n, typeName, fieldsFor(selection, typeName, supertypes(typeName)), `'${typeName}'`);
  const byKey = new Map<string, Array<{ type: string; field: FieldSelection; compile: FieldCompiler }>>();
  for (const type of members) {
    for (const field of fieldsFor(selection, type, supertypes(type))) {
      if (field.field.startsWith("__")) continue;
      const compile = compilerFor(type, field.field);
      if (!compile) throw new Error(`${type}.${field.field} has no translation`);
      byKey.set(field.key, [...(byKey.get(field.key) ?? []), { type, field, compile }]);
    }
  }
  const entries: Array<[string, string]> = [["__typename", typenameExpression(n, members)]];
  for (const [k, asked] of byKey) {
    const first = asked[0] as { type: string; field: FieldSelection; compile: FieldCompiler };
    const same = asked.length === members.length && asked.every((a) => a.compile === first.compile && signature(a.field) === signature(first.field));
    if (same) {
      entries.push([k, first.compile(b, n, first.field)]);
    } else {
      entries.push([k, `CASE ${asked.map((a) => `WHEN ${n}:${labelOf(a.type)} THEN ${a.compile(b, n, a.field)}`).join(" ")} END`]);
    }
  }
  return mapOf(entries);
}

function signature(field: FieldSelection): string {
  return JSON.stringify([field.field, field.args, field.byType]);
}

/** The GraphQL type name of a node that may be any member of an abstract type. */
function typenameExpression(n: string, members: readonly string[]): string {
  const entities = members.filter((t) => ENTITY_TYPES.includes(t));
  const others = members.filter((t) => !ENTITY_TYPES.includes(t));
  if (others.length === 0) return entityTypename(n);
  return `CASE ${[entities.length > 0 ? `WHEN ${n}:Entity THEN ${entityTypename(n)}` : "", ...others.map((t) => `WHEN ${n}:${labelOf(t)} THEN '${t}'`)].join(" ")} END`;
}
