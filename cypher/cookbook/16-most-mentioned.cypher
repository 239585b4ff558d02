// 问题：各类实体中，哪些被提到得最多？
// Question: Which entities of each kind are named most often?
MATCH (e:Entity)-[c:CITED_IN]->(:Passage)
WHERE e.kind <> 'INDICATOR'
WITH e.kind AS kind, e.name AS entity, count(c) AS mentions
ORDER BY kind, mentions DESC, entity
WITH kind, collect({entity: entity, mentions: mentions})[0..3] AS top
RETURN kind, top
ORDER BY kind;
