import { describe, expect, it } from "vitest";
import { translate } from "../../test/helpers/capture.js";

describe("translation of root fields to Cypher", () => {
  it("compiles an entity page — relations, their nodes, citations and documents — into one statement", async () => {
    const { queries, errors } = await translate(`{
      entity(name: "市北", kind: DISTRICT) {
        name
        ... on District { zones { name } }
        relations(types: ["PART_OF"], direction: OUT, first: 5) {
          totalCount
          edges { type node { name } citations { quote document { title } } }
        }
      }
    }`);
    expect(errors).toEqual([]);
    expect(queries).toHaveLength(1);
    expect(queries[0]?.cypher).toMatchInlineSnapshot(`
      "CALL () { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e UNION CALL db.index.fulltext.queryNodes('entity_search', $p1) YIELD node WHERE $p0 IN node.aliases RETURN node AS e }
      WITH DISTINCT e WHERE $p2 IS NULL OR e.kind = $p2
      WITH e ORDER BY CASE WHEN e.name = $p3 THEN 0 ELSE 1 END, e.id LIMIT 1
      RETURN {\`__typename\`: CASE e.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`name\`: e.name, \`relations\`: {__connection: true, offset: $p5, first: $p6, totalCount: COUNT { MATCH (e)-[r0]-(m1:Entity) WHERE type(r0) IN $p4 AND startNode(r0) = e }, items: COLLECT { MATCH (e)-[r0]-(m1:Entity) WHERE type(r0) IN $p4 AND startNode(r0) = e WITH e, r0, m1 ORDER BY type(r0), m1.id, CASE WHEN startNode(r0) = e THEN 0 ELSE 1 END SKIP toInteger($p5) LIMIT toInteger($p7) RETURN {\`type\`: type(r0), \`node\`: {\`__typename\`: CASE m1.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`name\`: m1.name}, \`citations\`: COLLECT { UNWIND coalesce(r0.citations, []) AS cite2 WITH r0, split(cite2, '#') AS parts WITH r0, parts[0] AS pid, [x IN split(parts[1], '-') | toInteger(x)] AS span4 MATCH (p3:Passage {id: pid}) RETURN {\`quote\`: substring(p3.text, span4[0] - p3.start, span4[1] - span4[0]), \`document\`: head(COLLECT { MATCH (d5:Document {id: p3.documentId}) RETURN {\`__typename\`: 'Document', \`title\`: d5.title} })} }} }}, \`zones\`: CASE WHEN e:District THEN COLLECT { MATCH (m6:Zone)-[:PART_OF]->(e) WITH DISTINCT m6 ORDER BY m6.id LIMIT toInteger($p8) RETURN {\`__typename\`: 'Zone', \`name\`: m6.name} } END} AS result"
    `);
    expect(queries[0]?.params).toMatchInlineSnapshot(`
      {
        "p0": "市北",
        "p1": ""市北"",
        "p2": "DISTRICT",
        "p3": "市北",
        "p4": [
          "PART_OF",
        ],
        "p5": 0,
        "p6": 5,
        "p7": 5,
        "p8": 100,
      }
    `);
  });

  it("searches with the words as escaped phrases, entities and passages together", async () => {
    const { queries } = await translate(`{ search(query: "邮轮\\" OR *:* 港区", first: 2) { totalCount edges { score node { ... on Zone { name } ... on Passage { text } } } } }`);
    expect(queries[0]?.cypher).toMatchInlineSnapshot(`
      "CALL () {
        CALL db.index.fulltext.queryNodes('entity_search', $p3) YIELD node, score
        WITH node, score WHERE $p0 IS NULL OR node.kind IN $p0
        RETURN node, score
        UNION ALL
        CALL db.index.fulltext.queryNodes('passage_search', $p3) YIELD node, score
        WITH node, score WHERE $p0 IS NULL
        RETURN node, score
      }
      WITH node, score ORDER BY score DESC, node.id
      WITH collect({node: node, score: score}) AS hits
      RETURN {__connection: true, offset: $p1, first: $p2, totalCount: size(hits), items: COLLECT {
        UNWIND range(toInteger($p1), toInteger($p1) + toInteger($p2)) AS i
        WITH i, hits[i] AS hit WHERE hit IS NOT NULL
        WITH i, hit.node AS node, hit.score AS score ORDER BY i
        RETURN {\`score\`: score, \`node\`: {\`__typename\`: CASE WHEN node:Entity THEN CASE node.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END WHEN node:Passage THEN 'Passage' END, \`name\`: CASE WHEN node:Zone THEN node.name END, \`text\`: CASE WHEN node:Passage THEN node.text END}}
      }} AS result"
    `);
    expect(queries[0]?.params).toMatchInlineSnapshot(`
      {
        "p0": null,
        "p1": 0,
        "p2": 2,
        "p3": ""邮轮\\"" AND "OR" AND "*:*" AND "港区"",
      }
    `);
  });

  it("looks a one-character search up as a substring", async () => {
    const { queries } = await translate(`{ search(query: "区", kinds: [DISTRICT]) { totalCount } }`);
    const param = Object.entries(queries[0]?.params ?? {}).find(([, v]) => v === "区")?.[0];
    expect(queries[0]?.cypher).toContain(`node.name CONTAINS $${param}`);
    expect(queries[0]?.cypher).not.toContain("fulltext");
  });

  it("filters observations starting from the subject found by name or alias", async () => {
    const { queries } = await translate(`{ observations(filter: { subject: "市北", period: 2023, kind: TARGET }, first: 3, after: "b2Zmc2V0OjA") { edges { node { value unit indicator { name } } } pageInfo { hasNextPage } } }`);
    expect(queries[0]?.cypher).toMatchInlineSnapshot(`
      "CALL () { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e UNION CALL db.index.fulltext.queryNodes('entity_search', $p1) YIELD node WHERE $p0 IN node.aliases RETURN node AS e } WITH collect(DISTINCT e) AS subjects
      RETURN {__connection: true, offset: $p4, first: $p5, totalCount: null, items: COLLECT { UNWIND subjects AS s MATCH (o:Observation)-[:ABOUT]->(s) WHERE o.period = $p2 AND o.kind = $p3 WITH o ORDER BY o.period, o.kind, o.id SKIP toInteger($p4) LIMIT toInteger($p6) RETURN {\`node\`: {\`__typename\`: 'Observation', \`value\`: o.value, \`unit\`: o.unit, \`indicator\`: head(COLLECT { MATCH (o)-[:OF_INDICATOR]->(m0:Indicator) WITH DISTINCT m0 ORDER BY m0.id LIMIT toInteger(1) RETURN {\`__typename\`: 'Indicator', \`name\`: m0.name} })}} }} AS result"
    `);
    expect(Object.values(queries[0]?.params ?? {})).toEqual(expect.arrayContaining(["市北", 2023, "TARGET", 1, 3]));
  });

  it("pages entities of a kind along the id index, with one item past the page for hasNextPage", async () => {
    const { queries } = await translate(`{ entities(kind: PROJECT, first: 20) { pageInfo { hasNextPage } edges { node { name } } } }`);
    expect(queries[0]?.cypher).toMatchInlineSnapshot(`"RETURN {__connection: true, offset: $p2, first: $p3, totalCount: null, items: COLLECT { MATCH (e:Entity) WHERE e.id STARTS WITH $p0 AND e.kind = $p1 WITH e ORDER BY e.id SKIP toInteger($p2) LIMIT toInteger($p4) RETURN {\`node\`: {\`__typename\`: CASE e.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`name\`: e.name}} }} AS result"`);
    expect(queries[0]?.params).toMatchObject({ p0: "project:", p1: "PROJECT", p3: 20, p4: 21 });
  });

  it("walks an entity's observations from the entity itself, not from every observation of the period", async () => {
    const { queries } = await translate(`{ entity(name: "市北区") { observations(period: 2023, first: 3) { edges { node { value } } } } }`);
    expect(queries[0]?.cypher).toMatch(/MATCH \(e\)<-\[(r\d+):ABOUT\|OF_INDICATOR\]-\(o\d+:Observation\) WHERE type\(\1\) = CASE WHEN e:Indicator THEN 'OF_INDICATOR' ELSE 'ABOUT' END/);
    expect(queries[0]?.cypher).toMatchInlineSnapshot(`
      "CALL () { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e UNION CALL db.index.fulltext.queryNodes('entity_search', $p1) YIELD node WHERE $p0 IN node.aliases RETURN node AS e }
      WITH DISTINCT e WHERE $p2 IS NULL OR e.kind = $p2
      WITH e ORDER BY CASE WHEN e.name = $p3 THEN 0 ELSE 1 END, e.id LIMIT 1
      RETURN {\`__typename\`: CASE e.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`observations\`: {__connection: true, offset: $p5, first: $p6, totalCount: null, items: COLLECT { MATCH (e)<-[r1:ABOUT|OF_INDICATOR]-(o0:Observation) WHERE type(r1) = CASE WHEN e:Indicator THEN 'OF_INDICATOR' ELSE 'ABOUT' END AND o0.period = $p4 WITH o0 ORDER BY o0.period, o0.kind, o0.id SKIP toInteger($p5) LIMIT toInteger($p7) RETURN {\`node\`: {\`__typename\`: 'Observation', \`value\`: o0.value}} }}} AS result"
    `);
  });

  it("puts request values only in parameters, never in the Cypher text", async () => {
    const hostile = "x'}) DETACH DELETE n //";
    const { queries } = await translate(`query ($name: String!) { entity(name: $name) { name } }`, { name: hostile });
    expect(queries[0]?.cypher).not.toContain("DETACH");
    expect(Object.values(queries[0]?.params ?? {})).toContain(hostile);
  });

  it("refuses pages over 100, unknown relation types and foreign cursors before any query", async () => {
    for (const [source, message] of [
      ["{ entities(first: 101) { totalCount } }", /first must be between 0 and 100/],
      ['{ entity(name: "市北区") { relations(types: ["DELETE"]) { totalCount } } }', /unknown relation type DELETE/],
      ['{ documents(after: "bm9wZQ") { totalCount } }', /is not a cursor this API gave out/],
    ] as const) {
      const { queries, errors } = await translate(source);
      expect(queries).toEqual([]);
      expect(errors[0]).toMatch(message);
    }
  });
});
