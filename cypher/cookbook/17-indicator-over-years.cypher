// 问题：同一个指标在不同年份的数字（新增城镇就业：2022年实际与2023年目标）。
// Question: One indicator across years — 新增城镇就业, the 2022 result beside the 2023 target.
MATCH (o:Observation)-[:OF_INDICATOR]->(:Indicator {name: '新增城镇就业'})
MATCH (o)-[:ABOUT]->(s:Entity)
RETURN s.name AS subject, o.period AS period, o.kind AS kind, o.value AS value, o.unit AS unit, o.normalizedValue AS people,
       COUNT { (o)-[:CITED_IN]->() } AS citations
ORDER BY subject, period, kind;
