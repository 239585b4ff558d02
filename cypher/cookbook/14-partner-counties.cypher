// 问题：市北区的东西部协作对口县有哪些？原文怎么说？
// Question: Which counties does 市北区 partner with in east–west cooperation, and where is it said?
MATCH (c:County)-[r:PARTNER_OF]->(d:District {name: '市北区'})
UNWIND r.citations AS cite
WITH c, d, split(cite, '#') AS part
MATCH (p:Passage {id: part[0]})
RETURN c.name AS county, d.name AS district, collect(DISTINCT p.documentId) AS documents, collect(p.text)[0] AS sentence
ORDER BY county;
