// The entity lookup with the CJK full-text alias branch, without it, asked only when no exact match, and the floor's name seek.
const name = "海青智慧产业园";
const full = `UNWIND COLLECT { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e UNION CALL db.index.fulltext.queryNodes('entity_search', $p1) YIELD node WHERE $p0 IN node.aliases RETURN node AS e } AS e
WITH e WHERE $p2 IS NULL OR e.kind = $p2
WITH e ORDER BY CASE WHEN e.id = $p3 OR e.name = $p3 THEN 0 ELSE 1 END, e.id LIMIT 1 RETURN e.id AS id`;
const noft = `UNWIND COLLECT { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e } AS e
WITH e WHERE $p2 IS NULL OR e.kind = $p2
WITH e ORDER BY CASE WHEN e.id = $p3 OR e.name = $p3 THEN 0 ELSE 1 END, e.id LIMIT 1 RETURN e.id AS id`;
const cond = `WITH COLLECT { MATCH (e:Entity {id: $p0}) WHERE $p2 IS NULL OR e.kind = $p2 RETURN e UNION MATCH (e:Entity {name: $p0}) WHERE $p2 IS NULL OR e.kind = $p2 RETURN e } AS exact
CALL (exact) { WITH exact WHERE size(exact) = 0 CALL db.index.fulltext.queryNodes('entity_search', $p1) YIELD node WHERE $p0 IN node.aliases AND ($p2 IS NULL OR node.kind = $p2) RETURN collect(node) AS aliased }
UNWIND exact + aliased AS e
WITH e ORDER BY CASE WHEN e.id = $p3 OR e.name = $p3 THEN 0 ELSE 1 END, e.id LIMIT 1 RETURN e.id AS id`;
const floor = `MATCH (e:Entity {name: $p0}) WHERE e:Project RETURN e.id AS id`;
const params = { p0: name, p1: `"${name}"`, p2: "PROJECT", p3: name };
export default [
  { name: "full", cypher: full, params },
  { name: "no-fulltext", cypher: noft, params },
  { name: "conditional", cypher: cond, params },
  { name: "floor", cypher: floor, params },
];
