// targetAttainment: one walk per target (before) against one walk for the year (after), on four districts; same-pairs.mjs checks each pair answers the same.
const lookup = `COLLECT { MATCH (e:Entity {id: $p0}) RETURN e UNION MATCH (e:Entity {name: $p0}) RETURN e UNION CALL db.index.fulltext.queryNodes('entity_alias', $p1) YIELD node WITH node AS e WHERE $p0 IN e.aliases RETURN e }`;
const item =
  "{`indicator`: {`#typename`: 'Indicator', `name`: i.name}, `target`: {`#typename`: 'Observation', `value`: t.value, `unit`: t.unit, `qualifier`: t.qualifier, id: t.id}, `actual`: CASE WHEN a IS NULL THEN null ELSE {`#typename`: 'Observation', `value`: a.value, `unit`: a.unit, id: a.id} END, `met`: CASE WHEN a IS NULL THEN null WHEN t.qualifier = 'AT_MOST' THEN a.normalizedValue <= t.normalizedValue ELSE a.normalizedValue >= t.normalizedValue END}";
const current = `WITH ${lookup} AS subjects
RETURN {matched: size(subjects), items: COLLECT {
  UNWIND subjects AS s
  MATCH (t:Observation {kind: 'TARGET', period: $p2})-[:ABOUT]->(s)
  MATCH (t)-[:OF_INDICATOR]->(i:Indicator)
  OPTIONAL CALL (t, i, s) {
    MATCH (a:Observation {kind: 'ACTUAL', period: t.period})-[:ABOUT]->(s)
    WHERE a.measure = t.measure AND a.normalizedUnit = t.normalizedUnit AND (a)-[:OF_INDICATOR]->(i)
    RETURN a ORDER BY COUNT { (a)-[:CITED_IN]->() } DESC, a.id LIMIT 1
  }
  WITH t, i, a ORDER BY i.name, t.id
  RETURN ${item}
}} AS result`;
const rewrite = `WITH ${lookup} AS subjects
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
  RETURN ${item}
}} AS result`;
const vs = [];
for (const [name, year] of [
  ["海青区", 2022],
  ["云青区", 2021],
  ["华青区", 2023],
  ["山青区", 2022],
]) {
  const params = { p0: name, p1: `"${name}"`, p2: year };
  vs.push({ name: `cur ${name}${year}`, cypher: current, params }, { name: `new ${name}${year}`, cypher: rewrite, params });
}
export default vs;
