// 问题：有没有实体找不到任何原文出处？（应当没有）
// Question: Is any entity without a citation? (There should be none.)
MATCH (e:Entity)
WHERE NOT (e)-[:CITED_IN]->(:Passage)
RETURN e.id AS entity, e.kind AS kind;
