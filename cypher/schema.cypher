// Constraints and indexes of the knowledge graph, applied at every start.
// Every statement is idempotent (IF NOT EXISTS) and named: /readyz checks these names are ONLINE.

// Provenance: Document → Article → Passage
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (n:Passage) REQUIRE n.id IS UNIQUE;
CREATE INDEX passage_document IF NOT EXISTS FOR (n:Passage) ON (n.documentId);

// Near-duplicate candidates: MinHash LSH, 32 bands × 4 rows (src/ingest/dedupe.ts), one property and
// range index per band, since a list property has no index in Neo4j 5. A lookup seeks each band's index.
CREATE INDEX passage_lsh00 IF NOT EXISTS FOR (n:Passage) ON (n.lsh00);
CREATE INDEX passage_lsh01 IF NOT EXISTS FOR (n:Passage) ON (n.lsh01);
CREATE INDEX passage_lsh02 IF NOT EXISTS FOR (n:Passage) ON (n.lsh02);
CREATE INDEX passage_lsh03 IF NOT EXISTS FOR (n:Passage) ON (n.lsh03);
CREATE INDEX passage_lsh04 IF NOT EXISTS FOR (n:Passage) ON (n.lsh04);
CREATE INDEX passage_lsh05 IF NOT EXISTS FOR (n:Passage) ON (n.lsh05);
CREATE INDEX passage_lsh06 IF NOT EXISTS FOR (n:Passage) ON (n.lsh06);
CREATE INDEX passage_lsh07 IF NOT EXISTS FOR (n:Passage) ON (n.lsh07);
CREATE INDEX passage_lsh08 IF NOT EXISTS FOR (n:Passage) ON (n.lsh08);
CREATE INDEX passage_lsh09 IF NOT EXISTS FOR (n:Passage) ON (n.lsh09);
CREATE INDEX passage_lsh0a IF NOT EXISTS FOR (n:Passage) ON (n.lsh0a);
CREATE INDEX passage_lsh0b IF NOT EXISTS FOR (n:Passage) ON (n.lsh0b);
CREATE INDEX passage_lsh0c IF NOT EXISTS FOR (n:Passage) ON (n.lsh0c);
CREATE INDEX passage_lsh0d IF NOT EXISTS FOR (n:Passage) ON (n.lsh0d);
CREATE INDEX passage_lsh0e IF NOT EXISTS FOR (n:Passage) ON (n.lsh0e);
CREATE INDEX passage_lsh0f IF NOT EXISTS FOR (n:Passage) ON (n.lsh0f);
CREATE INDEX passage_lsh10 IF NOT EXISTS FOR (n:Passage) ON (n.lsh10);
CREATE INDEX passage_lsh11 IF NOT EXISTS FOR (n:Passage) ON (n.lsh11);
CREATE INDEX passage_lsh12 IF NOT EXISTS FOR (n:Passage) ON (n.lsh12);
CREATE INDEX passage_lsh13 IF NOT EXISTS FOR (n:Passage) ON (n.lsh13);
CREATE INDEX passage_lsh14 IF NOT EXISTS FOR (n:Passage) ON (n.lsh14);
CREATE INDEX passage_lsh15 IF NOT EXISTS FOR (n:Passage) ON (n.lsh15);
CREATE INDEX passage_lsh16 IF NOT EXISTS FOR (n:Passage) ON (n.lsh16);
CREATE INDEX passage_lsh17 IF NOT EXISTS FOR (n:Passage) ON (n.lsh17);
CREATE INDEX passage_lsh18 IF NOT EXISTS FOR (n:Passage) ON (n.lsh18);
CREATE INDEX passage_lsh19 IF NOT EXISTS FOR (n:Passage) ON (n.lsh19);
CREATE INDEX passage_lsh1a IF NOT EXISTS FOR (n:Passage) ON (n.lsh1a);
CREATE INDEX passage_lsh1b IF NOT EXISTS FOR (n:Passage) ON (n.lsh1b);
CREATE INDEX passage_lsh1c IF NOT EXISTS FOR (n:Passage) ON (n.lsh1c);
CREATE INDEX passage_lsh1d IF NOT EXISTS FOR (n:Passage) ON (n.lsh1d);
CREATE INDEX passage_lsh1e IF NOT EXISTS FOR (n:Passage) ON (n.lsh1e);
CREATE INDEX passage_lsh1f IF NOT EXISTS FOR (n:Passage) ON (n.lsh1f);

// Knowledge: entities, posts, observations
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT observation_id IF NOT EXISTS FOR (n:Observation) REQUIRE n.id IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
// GB/T 2260 codes of gazetteer places: entity(name: "370203") finds 市北区.
CREATE INDEX entity_code IF NOT EXISTS FOR (n:Entity) ON (n.code);
// Gazetteer paths (北京市/朝阳区) name a place whose name alone is ambiguous.
CREATE INDEX entity_path IF NOT EXISTS FOR (n:Entity) ON (n.path);
CREATE INDEX observation_fact IF NOT EXISTS FOR (n:Observation) ON (n.factKey);
CREATE INDEX observation_period IF NOT EXISTS FOR (n:Observation) ON (n.period);

// Chinese full-text search (Lucene CJK analyzer: overlapping character bigrams)
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX passage_search IF NOT EXISTS FOR (n:Passage) ON EACH [n.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
// Aliases as whole terms (keyword analyzer): entity(name:) and the subject filters find an alias with one term lookup (src/translate/entity-lookup.ts)
CREATE FULLTEXT INDEX entity_alias IF NOT EXISTS FOR (n:Entity) ON EACH [n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};

// Substring search for one-character queries (a single Han character has no bigram to match)
CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE TEXT INDEX passage_text IF NOT EXISTS FOR (n:Passage) ON (n.text);

// The graph's version, advanced by every committed write (src/db/graph-version.ts): the response cache's key
CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.id IS UNIQUE;
