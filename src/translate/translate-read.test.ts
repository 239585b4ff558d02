import { describe, expect, it } from "vitest";
import { translate } from "../../test/helpers/capture.js";
import { encodeKeyCursor } from "./cursor.js";

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
      "UNWIND COLLECT { MATCH (e:Entity {id: $p1}) WHERE $p0 IS NULL OR e.kind = $p0 RETURN e UNION MATCH (e:Entity {name: $p1}) WHERE $p0 IS NULL OR e.kind = $p0 RETURN e UNION WITH COLLECT { MATCH (e:Entity {id: $p1}) WHERE $p0 IS NULL OR e.kind = $p0 RETURN e UNION MATCH (e:Entity {name: $p1}) WHERE $p0 IS NULL OR e.kind = $p0 RETURN e } AS exact WITH exact WHERE size(exact) = 0 CALL db.index.fulltext.queryNodes('entity_alias', $p2) YIELD node WITH node AS e WHERE $p1 IN e.aliases AND ($p0 IS NULL OR e.kind = $p0) RETURN e } AS e
      WITH e ORDER BY CASE WHEN e.id = $p3 OR e.name = $p3 OR e.code = $p3 OR e.path = $p3 THEN 0 ELSE 1 END, CASE e.kind WHEN 'PROVINCE' THEN 0 WHEN 'CITY' THEN 1 WHEN 'DISTRICT' THEN 2 WHEN 'COUNTY' THEN 3 WHEN 'SUBDISTRICT' THEN 4 WHEN 'ZONE' THEN 5 WHEN 'PROJECT' THEN 6 WHEN 'ORGANIZATION' THEN 7 WHEN 'PERSON' THEN 8 WHEN 'EVENT' THEN 9 WHEN 'POLICY' THEN 10 WHEN 'INDICATOR' THEN 11 ELSE 12 END, CASE e.method WHEN 'CURATED' THEN 0 WHEN 'REFERENCE' THEN 1 WHEN 'RULE' THEN 2 ELSE 3 END, e.id LIMIT 1
      RETURN {\`#typename\`: CASE e.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`name\`: e.name, \`relations\`: {\`#connection\`: {offset: $p5, first: $p6}, \`totalCount\`: COUNT { MATCH (e)-[r0]-(m1:Entity) WHERE type(r0) IN $p4 AND startNode(r0) = e }, \`edges\`: COLLECT { MATCH (e)-[r0]-(m1:Entity) WHERE type(r0) IN $p4 AND startNode(r0) = e WITH e, r0, m1 ORDER BY type(r0), m1.id, CASE WHEN startNode(r0) = e THEN 0 ELSE 1 END SKIP toInteger($p5) LIMIT toInteger($p7) RETURN {\`type\`: type(r0), \`node\`: {\`#typename\`: CASE m1.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`name\`: m1.name}, \`citations\`: COLLECT { UNWIND coalesce(r0.citations, []) AS cite2 WITH r0, split(cite2, '#') AS parts WITH r0, parts[0] AS pid, [x IN split(parts[1], '-') | toInteger(x)] AS span4 MATCH (p3:Passage {id: pid}) RETURN {\`quote\`: substring(p3.text, span4[0] - p3.start, span4[1] - span4[0]), \`document\`: head(COLLECT { MATCH (d5:Document)-[:HAS_ARTICLE]->(:Article)-[:HAS_PASSAGE]->(p3) RETURN {\`#typename\`: 'Document', \`title\`: d5.title} })} }} }}, \`zones\`: CASE WHEN e:District THEN COLLECT { MATCH (m6:Zone)-[:PART_OF]->(e) WITH DISTINCT m6 ORDER BY m6.id RETURN {\`#typename\`: 'Zone', \`name\`: m6.name} } END} AS result"
    `);
    expect(queries[0]?.params).toMatchInlineSnapshot(`
      {
        "p0": "DISTRICT",
        "p1": "市北",
        "p2": ""市北"",
        "p3": "市北",
        "p4": [
          "PART_OF",
        ],
        "p5": 0,
        "p6": 5,
        "p7": 5,
      }
    `);
  });

  it("compiles compare and series into one statement each, counting what the names identified", async () => {
    const compare = await translate(`{ compare(indicator: "地区生产总值", period: 2022, kind: ACTUAL) { value subject { name } } }`);
    // The capturing executor answers nothing, so the service reports the name as unknown.
    expect(compare.errors).toEqual(['No indicator has the id, name or alias "地区生产总值".']);
    expect(compare.queries).toHaveLength(1);
    expect(compare.queries[0]?.cypher).toMatchInlineSnapshot(`
      "WITH [e IN COLLECT { MATCH (e:Entity {id: $p2}) WHERE $p1 IS NULL OR e.kind = $p1 RETURN e UNION MATCH (e:Entity {name: $p2}) WHERE $p1 IS NULL OR e.kind = $p1 RETURN e UNION WITH COLLECT { MATCH (e:Entity {id: $p2}) WHERE $p1 IS NULL OR e.kind = $p1 RETURN e UNION MATCH (e:Entity {name: $p2}) WHERE $p1 IS NULL OR e.kind = $p1 RETURN e } AS exact WITH exact WHERE size(exact) = 0 CALL db.index.fulltext.queryNodes('entity_alias', $p3) YIELD node WITH node AS e WHERE $p2 IN e.aliases AND ($p1 IS NULL OR e.kind = $p1) RETURN e } WHERE e:Indicator] AS indicators
      RETURN {indicators: size(indicators), items: COLLECT {
        UNWIND indicators AS i
        MATCH (o:Observation {period: $p4})-[:OF_INDICATOR]->(i)
        WHERE $p0 IS NULL OR o.kind = $p0
        MATCH (o)-[:ABOUT]->(s)
        WITH o, s
        WITH o ORDER BY s.name, s.id, o.kind, o.measure, o.id
        RETURN {\`#typename\`: 'Observation', \`value\`: o.value, \`subject\`: head(COLLECT { MATCH (o)-[r1:ABOUT]->(m0:Entity) WITH m0, r1 ORDER BY CASE r1.method WHEN 'CURATED' THEN 0 WHEN 'REFERENCE' THEN 1 ELSE 2 END, size(coalesce(r1.citations, [])) DESC, m0.id LIMIT 1 RETURN {\`#typename\`: CASE m0.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`name\`: m0.name} })}
      }} AS result"
    `);
    const series = await translate(`{ series(subject: "市北区", indicator: "地区生产总值") { period kind value } }`);
    expect(series.errors).toEqual(['No indicator has the id, name or alias "地区生产总值".']);
    expect(series.queries).toHaveLength(1);
    expect(series.queries[0]?.cypher).toMatchInlineSnapshot(`
      "WITH COLLECT { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e UNION WITH COLLECT { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e } AS exact WITH exact WHERE size(exact) = 0 CALL db.index.fulltext.queryNodes('entity_alias', $p1) YIELD node WITH node AS e WHERE $p0 IN e.aliases RETURN e } AS subjects, [e IN COLLECT { MATCH (e:Entity {id: $p3}) WHERE $p2 IS NULL OR e.kind = $p2 RETURN e UNION MATCH (e:Entity {name: $p3}) WHERE $p2 IS NULL OR e.kind = $p2 RETURN e UNION WITH COLLECT { MATCH (e:Entity {id: $p3}) WHERE $p2 IS NULL OR e.kind = $p2 RETURN e UNION MATCH (e:Entity {name: $p3}) WHERE $p2 IS NULL OR e.kind = $p2 RETURN e } AS exact WITH exact WHERE size(exact) = 0 CALL db.index.fulltext.queryNodes('entity_alias', $p4) YIELD node WITH node AS e WHERE $p3 IN e.aliases AND ($p2 IS NULL OR e.kind = $p2) RETURN e } WHERE e:Indicator] AS indicators
      RETURN {subjects: size(subjects), indicators: size(indicators), items: COLLECT {
        UNWIND subjects AS s
        MATCH (o:Observation)-[:ABOUT]->(s)
        WHERE EXISTS { (o)-[:OF_INDICATOR]->(i) WHERE i IN indicators }
        WITH o ORDER BY o.period, o.kind, o.measure, o.id
        RETURN {\`#typename\`: 'Observation', \`period\`: o.period, \`kind\`: o.kind, \`value\`: o.value}
      }} AS result"
    `);
  });

  it("searches with the words as escaped phrases, entities and passages together", async () => {
    const { queries } = await translate(
      `{ search(query: "邮轮\\" OR *:* 港区", first: 2) { totalCount edges { score node { ... on Zone { name } ... on Passage { text } } } } }`,
    );
    expect(queries[0]?.cypher).toMatchInlineSnapshot(`
      "CALL () {
        CALL db.index.fulltext.queryNodes('entity_search', $p1) YIELD node, score
        WITH node, score WHERE $p0 IS NULL OR node.kind IN $p0
        RETURN node, score + CASE WHEN node.name = $p2 OR $p2 IN node.aliases THEN 1000 ELSE 0.0 END AS score
        UNION ALL
        CALL db.index.fulltext.queryNodes('passage_search', $p1) YIELD node, score
        WITH node, score WHERE $p0 IS NULL
        RETURN node, score
      }
      WITH node, score ORDER BY score DESC, node.id
      WITH collect({node: node, score: score}) AS hits
      RETURN {\`#connection\`: {offset: $p3, first: $p4}, \`totalCount\`: size(hits), \`edges\`: COLLECT { UNWIND range(0, size(hits) - 1) AS i WITH i, hits[i].node AS node, hits[i].score AS score ORDER BY i SKIP toInteger($p3) LIMIT toInteger($p5) RETURN {\`score\`: score, \`node\`: {\`#typename\`: CASE WHEN node:Entity THEN CASE node.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END WHEN node:Passage THEN 'Passage' END, \`name\`: CASE WHEN node:Zone THEN node.name END, \`text\`: CASE WHEN node:Passage THEN node.text END}} }} AS result"
    `);
    expect(queries[0]?.params).toMatchInlineSnapshot(`
      {
        "p0": null,
        "p1": ""邮轮\\"" AND "OR" AND "*:*" AND "港区"",
        "p2": "邮轮" OR *:* 港区",
        "p3": 0,
        "p4": 2,
        "p5": 2,
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
    const { queries } = await translate(
      `{ observations(filter: { subject: "市北", period: 2023, kind: TARGET }, first: 3, after: "b2Zmc2V0OjA") { edges { node { value unit indicator { name } } } pageInfo { hasNextPage } } }`,
    );
    expect(queries[0]?.cypher).toMatchInlineSnapshot(`
      "WITH COLLECT { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e UNION WITH COLLECT { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e } AS exact WITH exact WHERE size(exact) = 0 CALL db.index.fulltext.queryNodes('entity_alias', $p1) YIELD node WITH node AS e WHERE $p0 IN e.aliases RETURN e } AS subjects
      RETURN {\`#connection\`: {list: $p7, first: $p5, after: true}, \`edges\`: COLLECT { UNWIND subjects AS s MATCH (o:Observation)-[:ABOUT]->(s) WHERE o.period = $p2 AND o.kind = $p3 WITH DISTINCT o ORDER BY o.period, o.kind, o.id SKIP toInteger($p4) LIMIT toInteger($p6) RETURN {\`#key\`: [o.period, o.kind, o.id], \`node\`: {\`#typename\`: 'Observation', \`value\`: o.value, \`unit\`: o.unit, \`indicator\`: head(COLLECT { MATCH (o)-[r1:OF_INDICATOR]->(m0:Indicator) WITH m0, r1 ORDER BY CASE r1.method WHEN 'CURATED' THEN 0 WHEN 'REFERENCE' THEN 1 ELSE 2 END, size(coalesce(r1.citations, [])) DESC, m0.id LIMIT 1 RETURN {\`#typename\`: 'Indicator', \`name\`: m0.name} })}} }, \`pageInfo\`: {\`#pageInfo\`: {\`hasNextPage\`: 'hasNextPage'}}} AS result"
    `);
    expect(Object.values(queries[0]?.params ?? {})).toEqual(expect.arrayContaining(["市北", 2023, "TARGET", 1, 3]));
  });

  it("pages entities of a kind along the id index, with one item past the page for hasNextPage", async () => {
    const { queries } = await translate(`{ entities(kind: PROJECT, first: 20) { pageInfo { hasNextPage } edges { node { name } } } }`);
    expect(queries[0]?.cypher).toMatchInlineSnapshot(
      `"RETURN {\`#connection\`: {list: $p5, first: $p3, after: false}, \`pageInfo\`: {\`#pageInfo\`: {\`hasNextPage\`: 'hasNextPage'}}, \`edges\`: COLLECT { MATCH (e:Entity) WHERE e.id >= $p0 AND e.id < $p1 AND e.kind = $p2 WITH e ORDER BY e.id LIMIT toInteger($p4) RETURN {\`#key\`: [e.id], \`node\`: {\`#typename\`: CASE e.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`name\`: e.name}} }} AS result"`,
    );
    expect(queries[0]?.params).toMatchObject({ p0: "project:", p1: "project;", p2: "PROJECT", p3: 20, p4: 21 });
  });

  it("seeks past a keyset cursor's id inside the kind's id range, so a deep page reads one page of rows", async () => {
    const after = encodeKeyCursor("entities.PROJECT", ["project:浮岛公园"]);
    const { queries, errors } = await translate(
      `query ($after: String) { entities(kind: PROJECT, first: 2, after: $after) { pageInfo { hasPreviousPage } edges { cursor node { id } } } }`,
      {
        after,
      },
    );
    // The capturing executor answers no rows: only the non-null connection complains.
    expect(errors).toEqual(["Cannot return null for non-nullable field Query.entities."]);
    expect(queries[0]?.cypher).toMatchInlineSnapshot(
      `"RETURN {\`#connection\`: {list: $p6, first: $p4, after: true}, \`pageInfo\`: {\`#pageInfo\`: {\`hasPreviousPage\`: 'hasPreviousPage'}}, \`edges\`: COLLECT { MATCH (e:Entity) WHERE e.id >= $p0 AND e.id < $p1 AND e.kind = $p2 AND e.id > $p3 WITH e ORDER BY e.id LIMIT toInteger($p5) RETURN {\`#key\`: [e.id], \`cursor\`: {\`#cursor\`: true}, \`node\`: {\`#typename\`: CASE e.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`id\`: e.id}} }} AS result"`,
    );
    expect(queries[0]?.params).toMatchInlineSnapshot(`
      {
        "p0": "project:",
        "p1": "project;",
        "p2": "PROJECT",
        "p3": "project:浮岛公园",
        "p4": 2,
        "p5": 3,
        "p6": "entities.PROJECT",
      }
    `);
  });

  it("pages an entity's mentions and newest-first observations past the cursor's whole key, ties broken by id", async () => {
    const { queries, errors } = await translate(
      `query ($m: String, $o: String) { entity(name: "市北区") {
        mentions(first: 2, after: $m) { edges { node { quote } } }
        observations(newestFirst: true, first: 2, after: $o) { pageInfo { endCursor } }
      } }`,
      {
        m: encodeKeyCursor("mentions", ["001_b0e5e1e4ebf92b9c", 120, 123, "5:x:7"]),
        o: encodeKeyCursor("entity.observations.newest", [2023, "TARGET", "observation:0a"]),
      },
    );
    expect(errors).toEqual([]);
    expect(queries[0]?.cypher.split("\n").at(-1)).toMatchInlineSnapshot(
      `"RETURN {\`#typename\`: CASE e.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`mentions\`: {\`#connection\`: {list: $p10, first: $p8, after: true}, \`edges\`: COLLECT { MATCH (e)-[c0:CITED_IN]->(p1:Passage) WHERE (p1.documentId > $p4 OR (p1.documentId = $p4 AND (c0.start > toInteger($p5) OR (c0.start = toInteger($p5) AND (c0.end > toInteger($p6) OR (c0.end = toInteger($p6) AND elementId(c0) > $p7)))))) WITH c0, p1 ORDER BY p1.documentId, c0.start, c0.end, elementId(c0) LIMIT toInteger($p9) RETURN {\`#key\`: [p1.documentId, c0.start, c0.end, elementId(c0)], \`node\`: {\`quote\`: c0.quote}} }}, \`observations\`: {\`#connection\`: {list: $p16, first: $p14, after: true, keys: COLLECT { MATCH (e)<-[r3:ABOUT|OF_INDICATOR]-(o2:Observation) WHERE type(r3) = CASE WHEN e:Indicator THEN 'OF_INDICATOR' ELSE 'ABOUT' END AND (o2.period < toInteger($p11) OR (o2.period = toInteger($p11) AND (o2.kind > $p12 OR (o2.kind = $p12 AND o2.id > $p13)))) WITH o2 ORDER BY o2.period DESC, o2.kind, o2.id LIMIT toInteger($p15) RETURN [o2.period, o2.kind, o2.id] }}, \`pageInfo\`: {\`#pageInfo\`: {\`endCursor\`: 'endCursor'}}}} AS result"`,
    );
    expect(queries[0]?.params).toMatchObject({ p4: "001_b0e5e1e4ebf92b9c", p5: 120, p6: 123, p7: "5:x:7", p11: 2023, p12: "TARGET", p13: "observation:0a" });
  });

  it("refuses another list's cursor, and an oldest-first cursor on a newest-first list, before any query", async () => {
    for (const [source, after] of [
      ["query ($a: String) { entities(kind: ZONE, after: $a) { totalCount } }", encodeKeyCursor("entities.PROJECT", ["project:浮岛公园"])],
      ["query ($a: String) { documents(after: $a) { totalCount } }", encodeKeyCursor("entities", ["zone:邮轮港区"])],
      [
        'query ($a: String) { entity(name: "市北区") { observations(newestFirst: true, after: $a) { totalCount } } }',
        encodeKeyCursor("entity.observations", [2023, "TARGET", "observation:0a"]),
      ],
      [
        'query ($a: String) { entity(name: "市北区") { mentions(after: $a) { totalCount } } }',
        encodeKeyCursor("entity.observations", [2023, "TARGET", "observation:0a"]),
      ],
    ] as const) {
      const { queries, errors } = await translate(source, { a: after });
      expect(queries).toEqual([]);
      expect(errors).toEqual([`"${after.length > 60 ? `${after.slice(0, 60)}…` : after}" is a cursor of another list: pass one this list gave out`]);
    }
  });

  it("reads a subject's results for the year once, and each target picks its result from them", async () => {
    const { queries } = await translate(`{ targetAttainment(subject: "市北区", period: 2023) { indicator { name } target { value } actual { value } met } }`);
    expect(queries[0]?.cypher.match(/\(s\)<-\[:ABOUT\]-/g)).toHaveLength(2);
    expect(queries[0]?.cypher).not.toMatch(/CALL \(t/);
    expect(queries[0]?.cypher).toMatchInlineSnapshot(`
      "WITH COLLECT { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e UNION WITH COLLECT { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e } AS exact WITH exact WHERE size(exact) = 0 CALL db.index.fulltext.queryNodes('entity_alias', $p1) YIELD node WITH node AS e WHERE $p0 IN e.aliases RETURN e } AS subjects
      RETURN {matched: size(subjects), items: COLLECT {
        UNWIND subjects AS s
        WITH s, COLLECT {
          MATCH (s)<-[:ABOUT]-(a:Observation)-[:OF_INDICATOR]->(ai:Indicator)
          WHERE a.kind = 'ACTUAL' AND a.period = $p2
          WITH a, ai ORDER BY COUNT { (a)-[:CITED_IN]->() } DESC, a.id
          RETURN {a: a, i: ai, measure: a.measure, unit: a.normalizedUnit}
        } AS actuals
        MATCH (s)<-[:ABOUT]-(t:Observation)-[:OF_INDICATOR]->(i:Indicator)
        WHERE t.kind = 'TARGET' AND t.period = $p2
        WITH t, i, head([x IN actuals WHERE x.i = i AND x.measure = t.measure AND x.unit = t.normalizedUnit | x.a]) AS a
        WITH t, i, a ORDER BY i.name, t.id
        RETURN {\`indicator\`: {\`#typename\`: 'Indicator', \`name\`: i.name}, \`target\`: {\`#typename\`: 'Observation', \`value\`: t.value}, \`actual\`: CASE WHEN a IS NULL THEN null ELSE {\`#typename\`: 'Observation', \`value\`: a.value} END, \`met\`: CASE WHEN a IS NULL THEN null WHEN t.qualifier = 'AT_MOST' THEN a.normalizedValue <= t.normalizedValue ELSE a.normalizedValue >= t.normalizedValue END}
      }} AS result"
    `);
  });

  it("walks an entity's observations from the entity itself, not from every observation of the period", async () => {
    const { queries } = await translate(`{ entity(name: "市北区") { observations(period: 2023, first: 3) { edges { node { value } } } } }`);
    expect(queries[0]?.cypher).toMatch(
      /MATCH \(e\)<-\[(r\d+):ABOUT\|OF_INDICATOR\]-\(o\d+:Observation\) WHERE type\(\1\) = CASE WHEN e:Indicator THEN 'OF_INDICATOR' ELSE 'ABOUT' END/,
    );
    expect(queries[0]?.cypher).toMatchInlineSnapshot(`
      "UNWIND COLLECT { MATCH (e:Entity {id: $p1}) WHERE $p0 IS NULL OR e.kind = $p0 RETURN e UNION MATCH (e:Entity {name: $p1}) WHERE $p0 IS NULL OR e.kind = $p0 RETURN e UNION WITH COLLECT { MATCH (e:Entity {id: $p1}) WHERE $p0 IS NULL OR e.kind = $p0 RETURN e UNION MATCH (e:Entity {name: $p1}) WHERE $p0 IS NULL OR e.kind = $p0 RETURN e } AS exact WITH exact WHERE size(exact) = 0 CALL db.index.fulltext.queryNodes('entity_alias', $p2) YIELD node WITH node AS e WHERE $p1 IN e.aliases AND ($p0 IS NULL OR e.kind = $p0) RETURN e } AS e
      WITH e ORDER BY CASE WHEN e.id = $p3 OR e.name = $p3 OR e.code = $p3 OR e.path = $p3 THEN 0 ELSE 1 END, CASE e.kind WHEN 'PROVINCE' THEN 0 WHEN 'CITY' THEN 1 WHEN 'DISTRICT' THEN 2 WHEN 'COUNTY' THEN 3 WHEN 'SUBDISTRICT' THEN 4 WHEN 'ZONE' THEN 5 WHEN 'PROJECT' THEN 6 WHEN 'ORGANIZATION' THEN 7 WHEN 'PERSON' THEN 8 WHEN 'EVENT' THEN 9 WHEN 'POLICY' THEN 10 WHEN 'INDICATOR' THEN 11 ELSE 12 END, CASE e.method WHEN 'CURATED' THEN 0 WHEN 'REFERENCE' THEN 1 WHEN 'RULE' THEN 2 ELSE 3 END, e.id LIMIT 1
      RETURN {\`#typename\`: CASE e.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`observations\`: {\`#connection\`: {list: $p7, first: $p5, after: false}, \`edges\`: COLLECT { MATCH (e)<-[r1:ABOUT|OF_INDICATOR]-(o0:Observation) WHERE type(r1) = CASE WHEN e:Indicator THEN 'OF_INDICATOR' ELSE 'ABOUT' END AND o0.period = $p4 WITH o0 ORDER BY o0.period, o0.kind, o0.id LIMIT toInteger($p6) RETURN {\`#key\`: [o0.period, o0.kind, o0.id], \`node\`: {\`#typename\`: 'Observation', \`value\`: o0.value}} }}} AS result"
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

  it("keys every map by the client's response key, at every depth; the translator's own keys start with #", async () => {
    const { queries, errors } = await translate(`{
      x: entity(name: "市北区") {
        n: name
        ... on District { z: zones { zn: name } }
        r: relations(first: 1) { e: edges { c: cursor n: node { id } } p: pageInfo { h: hasNextPage } t: totalCount }
      }
    }`);
    expect(errors).toEqual([]);
    expect(queries[0]?.cypher.split("\n").at(-1)).toMatchInlineSnapshot(
      `"RETURN {\`#typename\`: CASE e.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`n\`: e.name, \`r\`: {\`#connection\`: {offset: $p5, first: $p6}, \`e\`: COLLECT { MATCH (e)-[r0]-(m1:Entity) WHERE type(r0) IN $p4 AND true WITH e, r0, m1 ORDER BY type(r0), m1.id, CASE WHEN startNode(r0) = e THEN 0 ELSE 1 END SKIP toInteger($p5) LIMIT toInteger($p7) RETURN {\`c\`: {\`#cursor\`: true}, \`n\`: {\`#typename\`: CASE m1.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`id\`: m1.id}} }, \`p\`: {\`#pageInfo\`: {\`h\`: 'hasNextPage'}}, \`t\`: COUNT { MATCH (e)-[r0]-(m1:Entity) WHERE type(r0) IN $p4 AND true }}, \`z\`: CASE WHEN e:District THEN COLLECT { MATCH (m2:Zone)-[:PART_OF]->(e) WITH DISTINCT m2 ORDER BY m2.id RETURN {\`#typename\`: 'Zone', \`zn\`: m2.name} } END} AS result"`,
    );
  });

  it("takes aliases named like JavaScript object internals as plain keys", async () => {
    const { queries, errors } = await translate(`{
      toString: entity(name: "市北区") { __proto__: name constructor: id hasOwnProperty: code ... on District { valueOf: zones { toString: name } } }
      __proto__: documents(first: 1) { constructor: edges { toString: cursor __proto__: node { id } } }
    }`);
    // The capturing executor answers no rows: only the non-null connection complains.
    expect(errors).toEqual(["Cannot return null for non-nullable field Query.documents."]);
    expect(queries).toHaveLength(2);
    expect(queries[0]?.cypher).toContain("`__proto__`: e.name, `constructor`: e.id, `hasOwnProperty`: e.code, `valueOf`: CASE WHEN e:District THEN COLLECT");
    expect(queries[1]?.cypher).toMatchInlineSnapshot(
      `"RETURN {\`#connection\`: {offset: $p0, first: $p1}, \`constructor\`: COLLECT { MATCH (d:Document) WITH d ORDER BY d.id SKIP toInteger($p0) LIMIT toInteger($p2) RETURN {\`toString\`: {\`#cursor\`: true}, \`__proto__\`: {\`#typename\`: 'Document', \`id\`: d.id}} }} AS result"`,
    );
  });

  it("refuses ids whose prefix is an object internal or unknown, before any query", async () => {
    for (const id of ["toString:1", "__proto__:x", "constructor:1", "hasOwnProperty:x", "valueOf:", "DISTRICT:市北区", ":"]) {
      const { queries, errors } = await translate(`query ($id: ID!) { node(id: $id) { id } }`, { id });
      expect(queries).toEqual([]);
      expect(errors).toEqual([`"${id}" is not an id of this API`]);
    }
  });

  it("looks subject and indicator up as list expressions, so a name that identifies nothing gives an empty page", async () => {
    const { queries } = await translate(`{ observations(filter: { subject: "市北区", indicator: "!!" }) { totalCount } }`);
    expect(queries[0]?.cypher).not.toContain("CALL ()");
    expect(queries[0]?.cypher).toMatchInlineSnapshot(`
      "WITH COLLECT { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e UNION WITH COLLECT { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e } AS exact WITH exact WHERE size(exact) = 0 CALL db.index.fulltext.queryNodes('entity_alias', $p1) YIELD node WITH node AS e WHERE $p0 IN e.aliases RETURN e } AS subjects, COLLECT { MATCH (e:Entity {id: $p3}) WHERE $p2 IS NULL OR e.kind = $p2 RETURN e UNION MATCH (e:Entity {name: $p3}) WHERE $p2 IS NULL OR e.kind = $p2 RETURN e } AS indicators
      RETURN {\`#connection\`: {list: $p6, first: $p4, after: false}, \`totalCount\`: COUNT { UNWIND subjects AS s MATCH (o:Observation)-[:ABOUT]->(s) WHERE EXISTS { (o)-[:OF_INDICATOR]->(i) WHERE i IN indicators } RETURN DISTINCT o }} AS result"
    `);
    const byIndicator = await translate(`{ observations(filter: { indicator: "GDP" }) { totalCount } }`);
    expect(byIndicator.queries[0]?.cypher).toContain("UNWIND indicators AS i MATCH (o:Observation)-[:OF_INDICATOR]->(i)");
  });

  it("reads typed lists whole, passages in text order and articles in page order", async () => {
    const { queries } = await translate(`{ node(id: "001_b0e5e1e4ebf92b9c") { ... on Document { articles { passages { id } } } } }`);
    expect(queries[0]?.cypher).not.toMatch(/LIMIT/u);
    expect(queries[0]?.cypher).toMatchInlineSnapshot(
      `"MATCH (n:Document {id: $p0}) RETURN {\`#typename\`: 'Document', \`articles\`: COLLECT { MATCH (n)-[:HAS_ARTICLE]->(m0:Article) WITH DISTINCT m0 ORDER BY m0.index, m0.id RETURN {\`#typename\`: 'Article', \`passages\`: COLLECT { MATCH (m0)-[:HAS_PASSAGE]->(m1:Passage) WITH DISTINCT m1 ORDER BY m1.start, m1.id RETURN {\`#typename\`: 'Passage', \`id\`: m1.id} }} }} AS result"`,
    );
  });

  it("settles a name shared by several entities by a fixed rule, and lists every match in that order", async () => {
    const { queries } = await translate(`{ entities(name: "老四方工业区", first: 5) { totalCount edges { node { id } } } }`);
    expect(queries[0]?.cypher).toMatchInlineSnapshot(`
      "WITH COLLECT { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e UNION CALL db.index.fulltext.queryNodes('entity_alias', $p1) YIELD node WITH node AS e WHERE $p0 IN e.aliases RETURN e } AS matches
      RETURN {\`#connection\`: {offset: $p4, first: $p5}, \`totalCount\`: COUNT { UNWIND matches AS e WITH e WHERE $p2 IS NULL OR e.kind = $p2 }, \`edges\`: COLLECT { UNWIND matches AS e WITH e WHERE $p2 IS NULL OR e.kind = $p2 WITH e ORDER BY CASE WHEN e.id = $p3 OR e.name = $p3 OR e.code = $p3 OR e.path = $p3 THEN 0 ELSE 1 END, CASE e.kind WHEN 'PROVINCE' THEN 0 WHEN 'CITY' THEN 1 WHEN 'DISTRICT' THEN 2 WHEN 'COUNTY' THEN 3 WHEN 'SUBDISTRICT' THEN 4 WHEN 'ZONE' THEN 5 WHEN 'PROJECT' THEN 6 WHEN 'ORGANIZATION' THEN 7 WHEN 'PERSON' THEN 8 WHEN 'EVENT' THEN 9 WHEN 'POLICY' THEN 10 WHEN 'INDICATOR' THEN 11 ELSE 12 END, CASE e.method WHEN 'CURATED' THEN 0 WHEN 'REFERENCE' THEN 1 WHEN 'RULE' THEN 2 ELSE 3 END, e.id SKIP toInteger($p4) LIMIT toInteger($p6) RETURN {\`node\`: {\`#typename\`: CASE e.kind WHEN 'PROVINCE' THEN 'Province' WHEN 'CITY' THEN 'City' WHEN 'DISTRICT' THEN 'District' WHEN 'COUNTY' THEN 'County' WHEN 'SUBDISTRICT' THEN 'Subdistrict' WHEN 'ZONE' THEN 'Zone' WHEN 'PROJECT' THEN 'Project' WHEN 'ORGANIZATION' THEN 'Organization' WHEN 'PERSON' THEN 'Person' WHEN 'EVENT' THEN 'Event' WHEN 'POLICY' THEN 'Policy' WHEN 'INDICATOR' THEN 'Indicator' END, \`id\`: e.id}} }} AS result"
    `);
  });

  it("refuses over-long names, ids, search text and filters, page sizes out of range and foreign cursors, before any query", async () => {
    const long = "市".repeat(201);
    for (const [source, variables, message] of [
      ["query ($v: String!) { entity(name: $v) { id } }", { v: "市".repeat(120_000) }, "name is limited to 200 characters (got 120000)"],
      ["query ($v: String!) { entities(name: $v) { totalCount } }", { v: long }, "name is limited to 200 characters (got 201)"],
      ["query ($v: ID!) { node(id: $v) { id } }", { v: `zone:${long}` }, "id is limited to 200 characters (got 206)"],
      ["query ($v: String!) { search(query: $v) { totalCount } }", { v: "a".repeat(501) }, "query is limited to 500 characters (got 501)"],
      ["query ($v: String!) { observations(filter: { indicator: $v }) { totalCount } }", { v: long }, "indicator is limited to 200 characters (got 201)"],
      ["query ($v: String!) { targetAttainment(subject: $v, period: 2023) { met } }", { v: long }, "subject is limited to 200 characters (got 201)"],
      ["{ documents(first: -1) { totalCount } }", {}, "first must be between 0 and 100 (got -1)"],
      ["{ documents(first: 2147483647) { totalCount } }", {}, "first must be between 0 and 100 (got 2147483647)"],
      ['{ entity(name: "市北区") { mentions(first: -5) { totalCount } } }', {}, "first must be between 0 and 100 (got -5)"],
      ["query ($v: String) { documents(after: $v) { totalCount } }", { v: "x".repeat(100_000) }, `"${"x".repeat(60)}…" is not a cursor this API gave out`],
      ['{ documents(after: "b2Zmc2V0Oi0x") { totalCount } }', {}, '"b2Zmc2V0Oi0x" is not a cursor this API gave out'],
    ] as const) {
      const { queries, errors } = await translate(source, variables);
      expect(queries).toEqual([]);
      expect(errors).toEqual([message]);
    }
  });

  it("compiles a fragment on an interface inside a union once, guarded by the interface's label", async () => {
    const { queries } = await translate(
      `{ search(query: "市北", first: 2) { edges { node { ... on Entity { x: relations(first: 1) { totalCount } } ... on Passage { text } } } } }`,
    );
    const cypher = queries[0]?.cypher ?? "";
    expect(cypher.match(/COUNT \{/gu)).toHaveLength(1);
    expect(cypher).toContain("`x`: CASE WHEN node:Entity THEN {`#connection`");
    expect(cypher).toContain("`text`: CASE WHEN node:Passage THEN node.text END");
  });
});
