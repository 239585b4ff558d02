// 问题：各区同一指标的2023年目标如何比较？
// Question: How do the districts' 2023 targets compare on the same indicator?
MATCH (o:Observation {period: 2023, kind: 'TARGET'})-[:ABOUT]->(d:District)
MATCH (o)-[:OF_INDICATOR]->(i:Indicator)
WITH i, o.measure AS measure, o.unit AS unit, collect(DISTINCT d.name) AS districts,
     collect({district: d.name, value: o.value, qualifier: o.qualifier}) AS targets
WHERE size(districts) > 1
RETURN i.name AS indicator, measure, unit, targets
ORDER BY indicator;
