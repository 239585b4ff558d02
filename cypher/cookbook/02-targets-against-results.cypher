// 问题：2023年的目标实现了吗？把2023年目标和2023年实际完成放在一起比较。
// Question: Were the 2023 targets met? Each 2023 target beside the 2023 result for the same subject, indicator, measure and unit.
MATCH (t:Observation {period: 2023, kind: 'TARGET'})-[:ABOUT]->(s:Entity)
MATCH (t)-[:OF_INDICATOR]->(i:Indicator)
MATCH (a:Observation {period: 2023, kind: 'ACTUAL'})-[:ABOUT]->(s)
WHERE (a)-[:OF_INDICATOR]->(i) AND a.measure = t.measure AND a.normalizedUnit = t.normalizedUnit
RETURN s.name AS subject, i.name AS indicator,
       t.value AS target, t.qualifier AS targetQualifier, a.value AS actual, t.unit AS unit,
       CASE WHEN t.qualifier = 'AT_MOST' THEN a.normalizedValue <= t.normalizedValue ELSE a.normalizedValue >= t.normalizedValue END AS met
ORDER BY subject, indicator;
