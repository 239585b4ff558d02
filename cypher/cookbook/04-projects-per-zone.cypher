// 问题：每个片区有哪些项目？文中说它们进展到哪一步了？
// Question: Which projects lie in each zone, and what stage does the text give for each (from the verbs of the sentences naming it)?
MATCH (p:Project)-[:LOCATED_IN]->(z:Zone)
OPTIONAL MATCH (p)-[c:CITED_IN]->(s:Passage)
WITH z, p, collect(s.text) AS sentences
WITH z, p, sentences,
     CASE
       WHEN any(t IN sentences WHERE t CONTAINS '建成' OR t CONTAINS '完工' OR t CONTAINS '投入使用' OR t CONTAINS '开放' OR t CONTAINS '运营' OR t CONTAINS '运行') THEN '建成/运营 completed'
       WHEN any(t IN sentences WHERE t CONTAINS '开工' OR t CONTAINS '施工' OR t CONTAINS '加快' OR t CONTAINS '推进' OR t CONTAINS '实施') THEN '在建 under way'
       WHEN any(t IN sentences WHERE t CONTAINS '将' OR t CONTAINS '要' OR t CONTAINS '计划' OR t CONTAINS '启动') THEN '计划 planned'
       ELSE '未说明 not stated'
     END AS stage
RETURN z.name AS zone, p.name AS project, stage, size(sentences) AS citations
ORDER BY zone, project;
