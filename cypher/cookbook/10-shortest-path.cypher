// 问题：两个实体之间最短的联系是什么？（浮岛公园与山东省）
// Question: What is the shortest chain of relationships between two entities (浮岛公园 and 山东省)?
MATCH (a:Entity {name: '浮岛公园'}), (b:Entity {name: '山东省'})
MATCH path = shortestPath((a)-[:PART_OF|LOCATED_IN|PARTNER_OF|APPLIES_TO|PARTICIPATED_IN*..10]-(b))
RETURN [n IN nodes(path) | n.name] AS entities, [r IN relationships(path) | type(r)] AS relationships, length(path) AS hops;
