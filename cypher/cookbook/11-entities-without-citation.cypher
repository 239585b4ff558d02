// 问题：有没有实体既找不到任何原文出处，也不来自参考数据？（应当没有）
// Question: Is any entity without a citation that does not come from reference data either? (There should be none.)
// Places a text names bring their parent places from the national gazetteer: those carry `reference` instead.
MATCH (e:Entity)
WHERE NOT (e)-[:CITED_IN]->(:Passage) AND e.reference IS NULL
RETURN e.id AS entity, e.kind AS kind;
