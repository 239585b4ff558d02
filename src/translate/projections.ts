import { BadUserInputError } from "../errors/client-errors.js";
import type { CypherBuilder } from "./cypher-builder.js";
import { type KeyType, type KeyValue, page } from "./cursor.js";
import { clip } from "./limits.js";
import { ENTITY_RELATION_TYPES, ENTITY_TYPE, ENTITY_TYPES, isEntityType, labelOf, POSSIBLE_TYPES, supertypes } from "./model.js";
import { type FieldSelection, fieldsFor, signature } from "./selection.js";
import { CONNECTION_KEY, CURSOR_KEY, KEY_KEY, PAGE_INFO_KEY, TYPENAME_KEY } from "./shape.js";

/**
 * Compiles a selection into one Cypher map expression per object: each field becomes a property
 * expression, relation fields become COLLECT/COUNT subqueries, so a whole tree of fields is
 * fetched by a single statement. Field resolvers then only read the returned maps.
 */

type FieldCompiler = (b: CypherBuilder, node: string, selection: FieldSelection) => string;

/** A map key: a GraphQL name (letters, digits, `_`) or one of shape.ts's `#` keys; a backtick could only be doubled. */
const key = (name: string): string => `\`${name.replaceAll("`", "``")}\``;
const prop =
  (name: string): FieldCompiler =>
  (_b, n) =>
    `${n}.${name}`;

/** The fields of `selection` to compile for `typeName`: meta-fields (`__typename`) graphql-js answers itself. */
export function asked(selection: FieldSelection, typeName: string, supertypes: readonly string[] = []): FieldSelection[] {
  return fieldsFor(selection, typeName, supertypes).filter((f) => !f.field.startsWith("__"));
}

/** A map literal from (key, expression) pairs. */
export function mapOf(entries: Array<[string, string]>): string {
  return `{${entries.map(([k, v]) => `${key(k)}: ${v}`).join(", ")}}`;
}

/** The order of a typed list: passages as the text runs, articles as the page runs, anything else by id. */
function listOrder(typeName: string, m: string): string {
  if (typeName === "Passage") return `${m}.start, ${m}.id`;
  if (typeName === "Article") return `${m}.index, ${m}.id`;
  return `${m}.id`;
}

/** Rank of a relationship by how it was established: curated, then reference data, then the rules. */
const LINK_TRUST = (r: string): string => `CASE ${r}.method WHEN 'CURATED' THEN 0 WHEN 'REFERENCE' THEN 1 ELSE 2 END`;

/** `[…]` of projected related nodes: `pattern` binds `m`; the whole list, never cut, in `listOrder`. */
function related(pattern: string, typeName: string, single: boolean): FieldCompiler {
  return (b, n, selection) => {
    const m = b.variable("m");
    // One pass: a second replace would rewrite `n` itself when it is an `m…` variable of an outer field.
    const match = pattern.replace(/\((n|m)(?=[):])/gu, (_all, v: string) => `(${v === "n" ? n : m}`);
    if (!single) return `COLLECT { MATCH ${match} WITH DISTINCT ${m} ORDER BY ${listOrder(typeName, m)} RETURN ${project(b, m, typeName, selection)} }`;
    // One of several links (a text that misplaces a zone): the reviewed or reference link wins, then the most cited.
    const r = b.variable("r");
    const linked = match.replace("-[:", `-[${r}:`);
    return `head(COLLECT { MATCH ${linked} WITH ${m}, ${r} ORDER BY ${LINK_TRUST(r)}, size(coalesce(${r}.citations, [])) DESC, ${m}.id LIMIT 1 RETURN ${project(b, m, typeName, selection)} })`;
  };
}

/**
 * The document of a passage, walked through its article rather than looked up by id: while another
 * document commits, a reader can see its relationships before its index entries.
 */
function documentOf(b: CypherBuilder, d: string, passage: string, selection: FieldSelection): string {
  return `head(COLLECT { MATCH (${d}:Document)-[:HAS_ARTICLE]->(:Article)-[:HAS_PASSAGE]->(${passage}) RETURN ${project(b, d, "Document", selection)} })`;
}

/** Citation maps from a quote span and the passage variable it lies in. */
function citationMap(
  b: CypherBuilder,
  selection: FieldSelection,
  span: { quote: string; start: string; end: string; method: string; passage: string },
): string {
  const fields = asked(selection, "Citation");
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
          return [f.key, documentOf(b, d, span.passage, f)];
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

/** One part of a keyset order: an expression over the list's variables, its type, its direction. */
export interface OrderKey {
  expr: string;
  type: KeyType;
  desc?: boolean;
}

/**
 * An order a list pages by keyset: `keys` are unique together (the last one an id), so a cursor
 * holding an item's key names exactly one position, and the next page is the items past it. No key
 * may be null (a null compares to nothing: its item would drop out after page 1); the writer sets
 * every one. `list` names the list in its cursors; another list's cursor is refused.
 */
export interface KeysetOrder {
  list: string;
  keys: OrderKey[];
}

interface ConnectionSpec {
  connectionType: string;
  edgeType: string;
  /** The clauses (MATCH, UNWIND …) binding the variables named in `carry`. */
  match: string;
  /** Conditions on them: the list's filters. */
  where?: string[];
  carry: string;
  /** A stable order paged by SKIP, or a unique order paged by seeking past the cursor's key. */
  order: string | KeysetOrder;
  /** The whole list's size when it is cheaper than counting the pattern again. */
  total?: string;
  /** Edge map entries for the selected edge fields. */
  edge: (edgeFields: FieldSelection[]) => Array<[string, string]>;
}

const whereOf = (match: string, conditions: readonly string[]): string => (conditions.length > 0 ? `${match} WHERE ${conditions.join(" AND ")}` : match);

/** Items after `values` in the order `keys`: past on the first key, or equal on it and past on the rest. */
function seekPast(b: CypherBuilder, keys: readonly OrderKey[], values: readonly KeyValue[]): string {
  const [key, ...restKeys] = keys;
  const [value, ...restValues] = values;
  if (!key || value === undefined) throw new Error("a keyset cursor holds one value per order key");
  const v = key.type === "int" ? `toInteger(${b.param(value)})` : b.param(value);
  const past = `${key.expr} ${key.desc === true ? "<" : ">"} ${v}`;
  return restKeys.length === 0 ? past : `(${past} OR (${key.expr} = ${v} AND ${seekPast(b, restKeys, restValues)}))`;
}

/**
 * A Relay connection as one map under the client's response keys: each `edges` a page, each
 * `totalCount` a count of the whole list, each `pageInfo` the fields it asks for. With pageInfo the
 * page reads one item more, so hasNextPage costs no count of the whole list. Cursors and pageInfo
 * are filled in after the query (`shape.ts`) from CONNECTION_KEY: for a SKIP-paged list the page's
 * offset and size; for a keyset list its name and size, and each edge's order key under KEY_KEY
 * (a page with pageInfo and no edges reads the keys alone).
 */
export function connection(b: CypherBuilder, selection: FieldSelection, spec: ConnectionSpec): string {
  const keyset = typeof spec.order === "string" ? undefined : spec.order;
  const { first, after } = page(selection.args, keyset && { list: keyset.list, types: keyset.keys.map((k) => k.type) });
  const fields = asked(selection, spec.connectionType);
  const wantsPageInfo = fields.some((f) => f.field === "pageInfo");
  const wantsEdges = fields.some((f) => f.field === "edges");
  const pattern = whereOf(spec.match, spec.where ?? []);
  let within: string;
  let meta: string;
  let keyEntries: Array<[string, string]> = [];
  if (keyset) {
    const seek = after.kind === "key" ? [seekPast(b, keyset.keys, after.key)] : [];
    // An offset cursor given out before this list paged by keyset still pages, by SKIP; its page's cursors are keys.
    const skip = after.kind === "offset" ? ` SKIP toInteger(${b.param(after.offset)})` : "";
    const lim = b.param(first);
    const read = b.param(wantsPageInfo ? first + 1 : first);
    const order = keyset.keys.map((k) => `${k.expr}${k.desc === true ? " DESC" : ""}`).join(", ");
    within = `${whereOf(spec.match, [...(spec.where ?? []), ...seek])} WITH ${spec.carry} ORDER BY ${order}${skip} LIMIT toInteger(${read})`;
    const key = `[${keyset.keys.map((k) => k.expr).join(", ")}]`;
    keyEntries = [[KEY_KEY, key]];
    // Without edges, pageInfo still needs the page's first and last keys (its cursors) and its size.
    const keys = wantsPageInfo && !wantsEdges ? `, keys: COLLECT { ${within} RETURN ${key} }` : "";
    meta = `{list: ${b.param(keyset.list)}, first: ${lim}, after: ${after.kind === "start" ? "false" : "true"}${keys}}`;
  } else {
    const off = b.param(after.kind === "offset" ? after.offset : 0);
    const lim = b.param(first);
    const read = b.param(wantsPageInfo ? first + 1 : first);
    within = `${pattern} WITH ${spec.carry} ORDER BY ${spec.order} SKIP toInteger(${off}) LIMIT toInteger(${read})`;
    // Without edges, pageInfo still needs to know how many items the page holds (for its cursors).
    const counted = wantsPageInfo && !wantsEdges ? `, read: COUNT { ${within} RETURN 1 AS one }` : "";
    meta = `{offset: ${off}, first: ${lim}${counted}}`;
  }
  const entries: Array<[string, string]> = [[CONNECTION_KEY, meta]];
  for (const f of fields) {
    if (f.field === "edges") entries.push([f.key, `COLLECT { ${within} RETURN ${mapOf([...keyEntries, ...spec.edge(asked(f, spec.edgeType))])} }`]);
    else if (f.field === "totalCount") entries.push([f.key, spec.total ?? `COUNT { ${pattern} }`]);
    else if (f.field === "pageInfo") entries.push([f.key, pageInfoMap(f)]);
    else throw new Error(`${spec.connectionType}.${f.field} has no translation`);
  }
  return mapOf(entries);
}

/** The PageInfo fields asked for, by response key; `shape.ts` fills them in from the page read. */
export function pageInfoMap(selection: FieldSelection): string {
  const fields = asked(selection, "PageInfo");
  return mapOf([[PAGE_INFO_KEY, mapOf(fields.map((f): [string, string] => [f.key, `'${pageInfoField(f.field)}'`]))]]);
}

const PAGE_INFO_FIELDS = ["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"] as const;

function pageInfoField(field: string): string {
  const known = PAGE_INFO_FIELDS.find((f) => f === field);
  if (!known) throw new Error(`PageInfo.${field} has no translation`);
  return known;
}

/** An edge's `cursor`, wherever it is asked: `shape.ts` puts the edge's cursor there. */
export const CURSOR_PLACEHOLDER = `{\`${CURSOR_KEY}\`: true}`;

/** Edge map entries: `node` projected as `nodeType`, other edge fields from `extra`. */
export function edgeEntries(
  b: CypherBuilder,
  fields: FieldSelection[],
  nodeVar: string,
  nodeType: string,
  extra: ReadonlyMap<string, (f: FieldSelection) => string> = new Map(),
): Array<[string, string]> {
  return fields.map((f): [string, string] => {
    if (f.field === "cursor") return [f.key, CURSOR_PLACEHOLDER];
    if (f.field === "node") return [f.key, project(b, nodeVar, nodeType, f)];
    const compile = extra.get(f.field);
    if (!compile) throw new Error(`edge field ${f.field} has no translation`);
    return [f.key, compile(f)];
  });
}

function mentions(b: CypherBuilder, n: string, selection: FieldSelection): string {
  const c = b.variable("c");
  const p = b.variable("p");
  return connection(b, selection, {
    connectionType: "CitationConnection",
    edgeType: "CitationEdge",
    match: `MATCH (${n})-[${c}:CITED_IN]->(${p}:Passage)`,
    carry: `${c}, ${p}`,
    // In document order; the relationship's element id parts two citations of the same span (never two of one MERGE).
    order: {
      list: "mentions",
      keys: [
        { expr: `${p}.documentId`, type: "string" },
        { expr: `${c}.start`, type: "int" },
        { expr: `${c}.end`, type: "int" },
        { expr: `elementId(${c})`, type: "string" },
      ],
    },
    edge: (fields) =>
      fields
        .filter((f) => f.field === "cursor" || f.field === "node")
        .map((f): [string, string] => [
          f.key,
          f.field === "cursor"
            ? CURSOR_PLACEHOLDER
            : citationMap(b, f, { quote: `${c}.quote`, start: `${c}.start`, end: `${c}.end`, method: `${c}.method`, passage: p }),
        ]),
  });
}

const DIRECTION_FILTER = new Map<string, (n: string, r: string) => string>([
  ["OUT", (n, r) => `startNode(${r}) = ${n}`],
  ["IN", (n, r) => `endNode(${r}) = ${n}`],
  ["BOTH", () => "true"],
]);

function relations(b: CypherBuilder, n: string, selection: FieldSelection): string {
  const asked = (selection.args.types as string[] | null | undefined) ?? [...ENTITY_RELATION_TYPES];
  const unknown = asked.filter((t) => !(ENTITY_RELATION_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw new BadUserInputError(`unknown relation type ${clip(unknown.slice(0, 3).join(", "))}; use ${ENTITY_RELATION_TYPES.join(", ")}`, {
      argument: "types",
    });
  }
  // The allow-list's own strings, once each, whatever the client repeated.
  const types = ENTITY_RELATION_TYPES.filter((t) => asked.includes(t));
  const direction = (selection.args.direction as string | undefined) ?? "BOTH";
  const filter = DIRECTION_FILTER.get(direction);
  if (!filter) throw new BadUserInputError(`direction must be OUT, IN or BOTH`, { argument: "direction" });
  const r = b.variable("r");
  const m = b.variable("m");
  return connection(b, selection, {
    connectionType: "RelationConnection",
    edgeType: "RelationEdge",
    match: `MATCH (${n})-[${r}]-(${m}:Entity)`,
    where: [`type(${r}) IN ${b.param(types)}`, filter(n, r)],
    carry: `${n}, ${r}, ${m}`,
    order: `type(${r}), ${m}.id, CASE WHEN startNode(${r}) = ${n} THEN 0 ELSE 1 END`,
    edge: (fields) =>
      edgeEntries(
        b,
        fields,
        m,
        "Entity",
        new Map([
          ["type", () => `type(${r})`],
          ["direction", () => `CASE WHEN startNode(${r}) = ${n} THEN 'OUT' ELSE 'IN' END`],
          ["citations", (f: FieldSelection) => relationshipCitations(b, r, f)],
        ]),
      ),
  });
}

/**
 * Observations by period (newest first if asked: another list for cursors), kind and id: unique, so
 * it pages by keyset. A list hanging off one entity still reads all of that entity's observations.
 */
export function observationOrder(o: string, list: string, newestFirst = false): KeysetOrder {
  return {
    list: newestFirst ? `${list}.newest` : list,
    keys: [
      { expr: `${o}.period`, type: "int", desc: newestFirst },
      { expr: `${o}.kind`, type: "string" },
      { expr: `${o}.id`, type: "string" },
    ],
  };
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
    match: `MATCH (${n})<-[${r}:ABOUT|OF_INDICATOR]-(${o}:Observation)`,
    where: conditions,
    carry: o,
    order: observationOrder(o, "entity.observations", selection.args.newestFirst === true),
    edge: (fields) => edgeEntries(b, fields, o, "Observation"),
  });
}

/** The distinct years of an entity's observations (of an indicator's, for an indicator), newest first. */
function periodsOf(b: CypherBuilder, n: string, selection: FieldSelection): string {
  const o = b.variable("o");
  const r = b.variable("r");
  const kind = typeof selection.args.kind === "string" ? ` AND ${o}.kind = ${b.param(selection.args.kind)}` : "";
  return `COLLECT { MATCH (${n})<-[${r}:ABOUT|OF_INDICATOR]-(${o}:Observation) WHERE type(${r}) = CASE WHEN ${n}:Indicator THEN 'OF_INDICATOR' ELSE 'ABOUT' END${kind} WITH DISTINCT ${o}.period AS period ORDER BY period DESC RETURN period }`;
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
  periods: (b, n, s) => periodsOf(b, n, s),
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
        match: `MATCH (${p}:Passage {documentId: ${n}.id})`,
        carry: p,
        order: `${p}.start`,
        edge: (fields) => edgeEntries(b, fields, p, "Passage"),
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
      return documentOf(b, d, n, s);
    },
    article: related("(m:Article)-[:HAS_PASSAGE]->(n)", "Article", true),
    nearDuplicates: (b, n, s) => {
      const q = b.variable("q");
      const r = b.variable("r");
      const fields = asked(s, "NearDuplicate");
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

/** An own entry of a table of compilers (field names are the schema's, but no lookup may reach Object.prototype). */
function own<T>(table: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
}

/** The fields of a concrete type this module can translate; a test ties them to the schema's types. */
export function translatedFields(typeName: string): string[] {
  const table = isEntityType(typeName) ? { ...ENTITY_FIELDS, ...ENTITY_TYPE_FIELDS[typeName] } : (PROVENANCE_FIELDS[typeName] ?? {});
  return Object.keys(table).sort();
}

function compilerFor(typeName: string, field: string): FieldCompiler | undefined {
  if (isEntityType(typeName)) return own(own(ENTITY_TYPE_FIELDS, typeName), field) ?? own(ENTITY_FIELDS, field);
  return own(own(PROVENANCE_FIELDS, typeName), field);
}

function projectConcrete(b: CypherBuilder, n: string, typeName: string, fields: FieldSelection[], typename: string): string {
  // A concrete type's map: its name as a constant, then each asked field.
  const entries: Array<[string, string]> = [[TYPENAME_KEY, typename]];
  for (const f of fields) {
    const compile = compilerFor(typeName, f.field);
    if (!compile) throw new Error(`${typeName}.${f.field} has no translation`);
    entries.push([f.key, compile(b, n, f)]);
  }
  return mapOf(entries);
}

/** The GraphQL type name of an entity node, from its kind (an allow-listed constant per branch). */
function entityTypename(n: string): string {
  return `CASE ${n}.kind ${Object.entries(ENTITY_TYPE)
    .map(([kind, type]) => `WHEN '${kind}' THEN '${type}'`)
    .join(" ")} END`;
}

/**
 * The map for node `n` of (abstract or concrete) type `typeName`, holding the fields `selection`
 * asks for. For an abstract type, members asked a field the same way share one expression,
 * guarded by their labels when not every member is asked it (an inline fragment): an
 * `... on Entity` fragment inside a SearchHit compiles once, not once per entity type.
 */
export function project(b: CypherBuilder, n: string, typeName: string, selection: FieldSelection): string {
  const members = own(POSSIBLE_TYPES, typeName);
  if (!members) return projectConcrete(b, n, typeName, asked(selection, typeName, supertypes(typeName)), `'${typeName}'`);
  const byKey = new Map<string, Array<{ types: string[]; field: FieldSelection; compile: FieldCompiler; signature: string }>>();
  for (const type of members) {
    for (const field of asked(selection, type, supertypes(type))) {
      const compile = compilerFor(type, field.field);
      if (!compile) throw new Error(`${type}.${field.field} has no translation`);
      const groups = byKey.get(field.key) ?? [];
      const sig = signature(field);
      const same = groups.find((g) => g.compile === compile && g.signature === sig);
      if (same) same.types.push(type);
      else groups.push({ types: [type], field, compile, signature: sig });
      byKey.set(field.key, groups);
    }
  }
  const entries: Array<[string, string]> = [[TYPENAME_KEY, typenameExpression(n, members)]];
  for (const [k, groups] of byKey) {
    const [only] = groups;
    if (only && groups.length === 1 && only.types.length === members.length) entries.push([k, only.compile(b, n, only.field)]);
    else entries.push([k, `CASE ${groups.map((g) => `WHEN ${labelGuard(n, g.types)} THEN ${g.compile(b, n, g.field)}`).join(" ")} END`]);
  }
  return mapOf(entries);
}

/** Whether node `n` is one of `types`: every entity type at once is the Entity label. */
function labelGuard(n: string, types: readonly string[]): string {
  const allEntities = ENTITY_TYPES.every((t) => types.includes(t));
  const labels = [...(allEntities ? ["Entity"] : []), ...types.filter((t) => !allEntities || !ENTITY_TYPES.includes(t)).map(labelOf)];
  return labels.length === 1 ? `${n}:${labels[0]}` : `(${labels.map((l) => `${n}:${l}`).join(" OR ")})`;
}

/** The GraphQL type name of a node that may be any member of an abstract type. */
function typenameExpression(n: string, members: readonly string[]): string {
  const entities = members.filter((t) => ENTITY_TYPES.includes(t));
  const others = members.filter((t) => !ENTITY_TYPES.includes(t));
  if (others.length === 0) return entityTypename(n);
  return `CASE ${[entities.length > 0 ? `WHEN ${n}:Entity THEN ${entityTypename(n)}` : "", ...others.map((t) => `WHEN ${n}:${labelOf(t)} THEN '${t}'`)].join(" ")} END`;
}
