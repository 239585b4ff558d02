// 问题：哪些数字只有一个来源，哪些有多份报道互相印证？
// Question: Which figures rest on a single document, and which are corroborated by several?
MATCH (o:Observation)-[:CITED_IN]->(p:Passage)
WITH o, count(DISTINCT p.documentId) AS documents, count(p) AS citations
RETURN CASE WHEN documents > 1 THEN 'corroborated' ELSE 'single source' END AS support,
       count(o) AS observations, sum(citations) AS citations
ORDER BY support;
