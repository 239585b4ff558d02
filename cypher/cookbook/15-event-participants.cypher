// 问题：市北区第三届人民代表大会第二次会议有哪些人出席？他们当时担任什么职务？
// Question: Who took part in 市北区's congress session, and what posts did they hold then?
MATCH (person:Person)-[:PARTICIPATED_IN]->(e:Event {name: '市北区第三届人民代表大会第二次会议'})
OPTIONAL MATCH (person)-[:HOLDS]->(post:Post)-[:POST_IN]->(org:Organization)
RETURN person.name AS person, collect(post.title + '（' + org.name + '）') AS posts
ORDER BY person;
