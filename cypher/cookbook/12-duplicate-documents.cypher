// 问题：哪些文件在重复同样的内容？重复了多少句？
// Question: Which documents repeat each other, and how many sentences do they share?
MATCH (a:Passage)-[r:NEAR_DUPLICATE_OF]->(b:Passage)
WHERE a.documentId <> b.documentId
RETURN a.documentId AS document, b.documentId AS repeats, count(r) AS sharedSentences, round(avg(r.similarity), 3) AS meanSimilarity
ORDER BY sharedSentences DESC;
