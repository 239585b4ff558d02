// 问题：2022年的“预计”数字，后来有没有被正式数字取代？
// Question: Which 2022 estimates (预计) were later restated as results, and which stand alone?
MATCH (e:Observation {period: 2022, kind: 'ESTIMATE'})-[:ABOUT]->(s:Entity)
MATCH (e)-[:OF_INDICATOR]->(i:Indicator)
OPTIONAL MATCH (a:Observation {period: 2022, kind: 'ACTUAL'})-[:ABOUT]->(s)
WHERE (a)-[:OF_INDICATOR]->(i) AND a.measure = e.measure AND a.normalizedUnit = e.normalizedUnit
RETURN s.name AS subject, i.name AS indicator, e.value AS estimate, e.unit AS unit, e.qualifier AS qualifier,
       a.value AS restatedAs, a IS NOT NULL AS restated, e.text AS estimateText
ORDER BY restated DESC, indicator;
