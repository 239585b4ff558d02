// 问题：哪些句子同时提到一个片区和一家企业？
// Question: Which sentences name both a zone and an enterprise?
MATCH (z:Zone)-[:CITED_IN]->(p:Passage)<-[:CITED_IN]-(o:Organization)
WHERE o.name =~ '.*(公司|集团|港口|海运|总部|银行|理财|基金|租赁)$'
RETURN p.documentId AS document, z.name AS zone, o.name AS enterprise, p.text AS sentence
ORDER BY document, zone, enterprise;
