// entity(name:)'s lookup before and after firstEntity became namedEntities ranked: same answer, the exact seeks run twice.
const name = "海青智慧产业园";
const params = { p0: name, p1: `"${name}"`, p2: "PROJECT", p3: name };
const ex =
  "MATCH (e:Entity {id: $p0}) WHERE $p2 IS NULL OR e.kind = $p2 RETURN e UNION MATCH (e:Entity {name: $p0}) WHERE $p2 IS NULL OR e.kind = $p2 RETURN e";
const al = "CALL db.index.fulltext.queryNodes('entity_alias', $p1) YIELD node WITH node AS e WHERE $p0 IN e.aliases AND ($p2 IS NULL OR e.kind = $p2)";
const rank = "WITH e ORDER BY CASE WHEN e.id = $p3 OR e.name = $p3 THEN 0 ELSE 1 END, e.id LIMIT 1 RETURN e.id AS id";
export default [
  {
    name: "call-collect (before)",
    cypher: `WITH COLLECT { ${ex} } AS exact CALL (exact) { WITH exact WHERE size(exact) = 0 ${al} RETURN collect(e) AS aliased } UNWIND exact + aliased AS e ${rank}`,
    params,
  },
  {
    name: "namedEntities (after)",
    cypher: `UNWIND COLLECT { ${ex} UNION WITH COLLECT { ${ex} } AS exact WITH exact WHERE size(exact) = 0 ${al} RETURN e } AS e ${rank}`,
    params,
  },
];
