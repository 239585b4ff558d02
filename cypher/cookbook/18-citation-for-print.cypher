// 问题：引用一个数字时，完整的出处是什么（标题、日期、文件、字符位置、原文）？
// Question: The full citation of a figure for print: title, date, file, character offsets and quote.
MATCH (o:Observation)-[:OF_INDICATOR]->(:Indicator {name: '地区生产总值'})
MATCH (o)-[:ABOUT]->(:District {name: '崂山区'})
MATCH (o)-[c:CITED_IN]->(p:Passage)<-[:HAS_PASSAGE]-(a:Article)<-[:HAS_ARTICLE]-(d:Document)
RETURN o.period AS period, o.kind AS kind, o.value AS value, o.unit AS unit,
       d.title AS title, d.publisher AS publisher, d.publishedOn AS publishedOn, d.sourceFile AS file,
       a.headline AS article, c.start AS start, c.end AS end, c.quote AS quote
ORDER BY c.start;
