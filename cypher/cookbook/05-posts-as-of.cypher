// 问题：谁担任什么职务？依据哪份报道、截至何时？谁已经不再任职？
// Question: Who holds which post, as of when (the date of the text), and who holds one no more?
MATCH (person:Person)-[:HOLDS]->(post:Post)-[:POST_IN]->(org:Organization)
MATCH (post)-[c:CITED_IN]->(p:Passage)
WITH person, post, org, collect(DISTINCT p.documentId) AS documents, collect(c.quote)[0] AS quote
RETURN person.name AS person, post.title AS title, org.name AS organization, post.asOf AS asOf, post.current AS current, documents, quote
ORDER BY current DESC, organization, person, title;
