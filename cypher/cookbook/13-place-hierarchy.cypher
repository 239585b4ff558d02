// 问题：每个片区、街道属于哪个区、哪个市、哪个省？
// Question: For every zone and subdistrict, the chain of places it lies in, up to the province.
MATCH path = (child:Entity)-[:PART_OF*1..4]->(top:Province)
WHERE child:Zone OR child:Subdistrict
RETURN child.name AS place, child.kind AS kind, [n IN tail(nodes(path)) | n.name] AS within
ORDER BY size(within) DESC, place;
