// Constraints and indexes of the knowledge graph, applied at every start.
// Every statement is idempotent (IF NOT EXISTS) and named: /readyz checks these names are ONLINE.

// Provenance: Document → Article → Passage
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (n:Passage) REQUIRE n.id IS UNIQUE;
CREATE INDEX passage_document IF NOT EXISTS FOR (n:Passage) ON (n.documentId);

// Knowledge: entities, posts, observations
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT observation_id IF NOT EXISTS FOR (n:Observation) REQUIRE n.id IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX observation_fact IF NOT EXISTS FOR (n:Observation) ON (n.factKey);
CREATE INDEX observation_period IF NOT EXISTS FOR (n:Observation) ON (n.period);

// Chinese full-text search (Lucene CJK analyzer: overlapping character bigrams)
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX passage_search IF NOT EXISTS FOR (n:Passage) ON EACH [n.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};

// Substring search for one-character queries (a single Han character has no bigram to match)
CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE TEXT INDEX passage_text IF NOT EXISTS FOR (n:Passage) ON (n.text);
