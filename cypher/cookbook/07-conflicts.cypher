// 问题：不同来源在哪些数字上说法不一？
// Question: Where do two sources disagree on the same figure?
MATCH (x:Observation)-[:CONFLICTS_WITH]->(y:Observation)
MATCH (x)-[:ABOUT]->(s:Entity), (x)-[:OF_INDICATOR]->(i:Indicator)
MATCH (x)-[cx:CITED_IN]->(px:Passage), (y)-[cy:CITED_IN]->(py:Passage)
RETURN s.name AS subject, i.name AS indicator, x.period AS period,
       x.value AS value1, x.qualifier AS qualifier1, px.documentId AS document1, cx.quote AS quote1,
       y.value AS value2, y.qualifier AS qualifier2, py.documentId AS document2, cy.quote AS quote2;
