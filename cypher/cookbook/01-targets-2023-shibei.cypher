// 问题：市北区2023年的每一项目标是什么？原文怎么说？
// Question: What are all of 市北区's targets for 2023, each with the sentence that states it?
MATCH (o:Observation {period: 2023, kind: 'TARGET'})-[:ABOUT]->(:District {name: '市北区'})
MATCH (o)-[:OF_INDICATOR]->(i:Indicator)
MATCH (o)-[c:CITED_IN]->(p:Passage)
WITH o, i, c, p ORDER BY p.documentId, c.start
WITH o, i, collect({document: p.documentId, start: c.start, end: c.end, quote: c.quote})[0] AS firstCitation, count(c) AS citations
RETURN i.name AS indicator, o.value AS value, o.unit AS unit, o.qualifier AS qualifier, citations, firstCitation.quote AS quote, firstCitation.document AS document
ORDER BY citations DESC, indicator;
