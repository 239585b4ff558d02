/**
 * The operations a frontend sends, each three ways: our GraphQL API, the hand-written Cypher that
 * returns the same data (the floor), and (in `bench/peer/`) @neo4j/graphql. The Cypher returns one
 * row whose `data` equals our response's `data`, so the two can be checked for the same answer.
 */

/** The entities an operation asks about, picked from the loaded graph (see `picks.ts`). */
export interface Picks {
  district: string;
  zone: string;
  project: string;
  searchTerm: string;
  year: number;
  /** endCursor of the second page of `entities(kind: PROJECT)`, for the third page. */
  projectsPage3After: string;
  /** Offset of the first item of that third page. */
  projectsPage3Offset: number;
}

export interface Operation {
  name: string;
  description: string;
  graphql: string;
  variables: (p: Picks) => Record<string, unknown>;
  cypher: string;
  params: (p: Picks) => Record<string, unknown>;
}

const PAGE = 20;

// Names are indexed on :Entity (every kind label sits beside it), so lookups name that label.

/** The label of an entity that is its GraphQL type (every entity has `Entity` and one kind label). */
const TYPENAME = (v: string) => `head([l IN labels(${v}) WHERE l <> 'Entity'])`;

/** Relationship citations are stored as "passageId#start-end" strings; the quote is cut from the passage. */
const RELATION_CITATIONS = (r: string) => `COLLECT {
  UNWIND coalesce(${r}.citations, []) AS cite
  WITH split(cite, '#') AS parts
  WITH parts[0] AS pid, [x IN split(parts[1], '-') | toInteger(x)] AS span
  MATCH (p:Passage {id: pid})
  RETURN {quote: substring(p.text, span[0] - p.start, span[1] - span[0]), start: span[0], end: span[1], document: {id: p.documentId}}
}`;

export const OPERATIONS: Operation[] = [
  {
    name: "entityPage",
    description: "a district with its first 20 relations, each with the sentences behind it",
    graphql: `query EntityPage($name: String!) {
  entity(name: $name, kind: DISTRICT) {
    id name aliases
    relations(first: ${PAGE}) {
      totalCount
      edges { type direction node { __typename id name } citations { quote start end document { id } } }
    }
  }
}`,
    variables: (p) => ({ name: p.district }),
    cypher: `MATCH (e:Entity {name: $name}) WHERE e:District
RETURN {entity: {id: e.id, name: e.name, aliases: e.aliases, relations: {
  totalCount: COUNT { MATCH (e)-[r]-(:Entity) WHERE type(r) IN $types },
  edges: COLLECT {
    MATCH (e)-[r]-(m:Entity) WHERE type(r) IN $types
    WITH r, m ORDER BY type(r), m.id, CASE WHEN startNode(r) = e THEN 0 ELSE 1 END LIMIT ${PAGE}
    RETURN {type: type(r), direction: CASE WHEN startNode(r) = e THEN 'OUT' ELSE 'IN' END,
            node: {__typename: ${TYPENAME("m")}, id: m.id, name: m.name}, citations: ${RELATION_CITATIONS("r")}}
  }}}} AS data`,
    params: (p) => ({ name: p.district, types: ["PART_OF", "LOCATED_IN", "PARTNER_OF", "SUB_ORGANIZATION_OF", "PARTICIPATED_IN", "APPLIES_TO"] }),
  },
  {
    name: "zoneProjects",
    description: "a zone → its projects → their first 5 citations → each citation's document",
    graphql: `query ZoneProjects($name: String!) {
  entity(name: $name, kind: ZONE) {
    name
    ... on Zone {
      projects { id name mentions(first: 5) { totalCount edges { node { quote start end document { id title } } } } }
    }
  }
}`,
    variables: (p) => ({ name: p.zone }),
    cypher: `MATCH (z:Entity {name: $name}) WHERE z:Zone
RETURN {entity: {name: z.name, projects: COLLECT {
  MATCH (m:Project)-[:LOCATED_IN]->(z) WITH DISTINCT m ORDER BY m.id LIMIT 100
  RETURN {id: m.id, name: m.name, mentions: {
    totalCount: COUNT { (m)-[:CITED_IN]->(:Passage) },
    edges: COLLECT {
      MATCH (m)-[c:CITED_IN]->(p:Passage) WITH c, p ORDER BY p.documentId, c.start, c.end LIMIT 5
      MATCH (d:Document {id: p.documentId})
      RETURN {node: {quote: c.quote, start: c.start, end: c.end, document: {id: d.id, title: d.title}}}
    }}}
}}} AS data`,
    params: (p) => ({ name: p.zone }),
  },
  {
    name: "districtYear",
    description: "the first 20 observations of a district for a year, with indicator and citations",
    graphql: `query DistrictYear($name: String!, $year: Int!) {
  observations(filter: { subject: $name, period: $year }, first: ${PAGE}) {
    totalCount
    edges { node { id kind value unit qualifier indicator { name } citations { quote document { id } } } }
  }
}`,
    variables: (p) => ({ name: p.district, year: p.year }),
    cypher: `MATCH (s:Entity {name: $name}) WHERE s:District
RETURN {observations: {
  totalCount: COUNT { MATCH (o:Observation)-[:ABOUT]->(s) WHERE o.period = $year },
  edges: COLLECT {
    MATCH (o:Observation)-[:ABOUT]->(s) WHERE o.period = $year
    WITH o ORDER BY o.period, o.kind, o.id LIMIT ${PAGE}
    MATCH (o)-[:OF_INDICATOR]->(i:Indicator)
    RETURN {node: {id: o.id, kind: o.kind, value: o.value, unit: o.unit, qualifier: o.qualifier, indicator: {name: i.name},
      citations: COLLECT { MATCH (o)-[c:CITED_IN]->(p:Passage) WITH c, p ORDER BY p.documentId, c.start, c.end RETURN {quote: c.quote, document: {id: p.documentId}} }}}
  }}} AS data`,
    params: (p) => ({ name: p.district, year: p.year }),
  },
  {
    name: "targetAttainment",
    description: "each target of a district for a year beside the result for the same indicator",
    graphql: `query Attainment($name: String!, $year: Int!) {
  targetAttainment(subject: $name, period: $year) { indicator { name } target { value unit qualifier } actual { value unit } met }
}`,
    variables: (p) => ({ name: p.district, year: p.year }),
    cypher: `MATCH (s:Entity {name: $name}) WHERE s:District
WITH s, COLLECT {
  MATCH (s)<-[:ABOUT]-(a:Observation)-[:OF_INDICATOR]->(ai:Indicator) WHERE a.kind = 'ACTUAL' AND a.period = $year
  WITH a, ai ORDER BY COUNT { (a)-[:CITED_IN]->() } DESC, a.id
  RETURN {a: a, i: ai}
} AS actuals
MATCH (s)<-[:ABOUT]-(t:Observation)-[:OF_INDICATOR]->(i:Indicator) WHERE t.kind = 'TARGET' AND t.period = $year
WITH t, i, head([x IN actuals WHERE x.i = i AND x.a.measure = t.measure AND x.a.normalizedUnit = t.normalizedUnit | x.a]) AS a
WITH t, i, a ORDER BY i.name, t.id
RETURN {targetAttainment: collect({indicator: {name: i.name}, target: {value: t.value, unit: t.unit, qualifier: t.qualifier},
  actual: CASE WHEN a IS NULL THEN null ELSE {value: a.value, unit: a.unit} END,
  met: CASE WHEN a IS NULL THEN null WHEN t.qualifier = 'AT_MOST' THEN a.normalizedValue <= t.normalizedValue ELSE a.normalizedValue >= t.normalizedValue END})} AS data`,
    params: (p) => ({ name: p.district, year: p.year }),
  },
  {
    name: "search",
    description: "Chinese full-text search over entity names and passages, first 10 hits",
    graphql: `query Search($q: String!) {
  search(query: $q, first: 10) {
    totalCount
    edges { score node { __typename ... on Entity { id name } ... on Passage { id text } } }
  }
}`,
    variables: (p) => ({ q: p.searchTerm }),
    cypher: `CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
  RETURN node, score + CASE WHEN node.name = $q OR $q IN node.aliases THEN 1000.0 ELSE 0.0 END AS score
  UNION ALL
  CALL db.index.fulltext.queryNodes('passage_search', $lucene) YIELD node, score RETURN node, score
}
WITH node, score ORDER BY score DESC, node.id
WITH collect({node: node, score: score}) AS hits
RETURN {search: {totalCount: size(hits), edges: [h IN hits[0..10] |
  {score: h.score, node: CASE WHEN h.node:Passage THEN {__typename: 'Passage', id: h.node.id, text: h.node.text}
                              ELSE {__typename: ${TYPENAME("h.node")}, id: h.node.id, name: h.node.name} END}]}} AS data`,
    params: (p) => ({ lucene: `"${p.searchTerm}"`, q: p.searchTerm }),
  },
  {
    name: "projectsPage3",
    description: "the third page of 20 of all projects, from the second page's endCursor",
    graphql: `query Projects($after: String!) {
  entities(kind: PROJECT, first: ${PAGE}, after: $after) { pageInfo { hasNextPage } edges { node { id name } } }
}`,
    variables: (p) => ({ after: p.projectsPage3After }),
    // The id prefix range on the unique index yields ids in order: a page costs offset + page rows.
    cypher: `MATCH (e:Entity) WHERE e.id STARTS WITH 'project:' AND e.kind = 'PROJECT'
WITH e ORDER BY e.id SKIP toInteger($offset) LIMIT ${PAGE + 1}
WITH collect({node: {id: e.id, name: e.name}}) AS rows
RETURN {entities: {pageInfo: {hasNextPage: size(rows) > ${PAGE}}, edges: rows[0..${PAGE}]}} AS data`,
    params: (p) => ({ offset: p.projectsPage3Offset }),
  },
  {
    name: "deepWalk",
    description: "five hops: project → zone → district → its observations for a year → citations → document",
    graphql: `query DeepWalk($name: String!, $year: Int!) {
  entity(name: $name, kind: PROJECT) {
    name
    ... on Project {
      zone { name district { name city { name } observations(first: 3, period: $year) { edges { node { value unit indicator { name } citations { quote document { title } } } } } } }
    }
  }
}`,
    variables: (p) => ({ name: p.project, year: p.year }),
    cypher: `MATCH (pr:Entity {name: $name}) WHERE pr:Project
OPTIONAL MATCH (pr)-[:LOCATED_IN]->(z:Zone)
WITH pr, z ORDER BY z.id LIMIT 1
OPTIONAL MATCH (z)-[:PART_OF]->(d:District)
WITH pr, z, d ORDER BY d.id LIMIT 1
RETURN {entity: {name: pr.name, zone: CASE WHEN z IS NULL THEN null ELSE {name: z.name, district: CASE WHEN d IS NULL THEN null ELSE {
  name: d.name,
  city: head(COLLECT { MATCH (d)-[:PART_OF]->(c:City) WITH c ORDER BY c.id LIMIT 1 RETURN {name: c.name} }),
  observations: {edges: COLLECT {
    MATCH (o:Observation)-[:ABOUT]->(d) WHERE o.period = $year
    WITH o ORDER BY o.period, o.kind, o.id LIMIT 3
    MATCH (o)-[:OF_INDICATOR]->(i:Indicator)
    RETURN {node: {value: o.value, unit: o.unit, indicator: {name: i.name},
      citations: COLLECT { MATCH (o)-[c:CITED_IN]->(p:Passage) WITH c, p ORDER BY p.documentId, c.start, c.end
                           MATCH (doc:Document {id: p.documentId}) RETURN {quote: c.quote, document: {title: doc.title}} }}}
  }}} END} END}} AS data`,
    params: (p) => ({ name: p.project, year: p.year }),
  },
];
