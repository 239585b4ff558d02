import type { CypherQuery } from "../../db/cypher-query.js";
import { cypher } from "../../db/cypher-query.js";
import { factKey, observationId } from "../../ingest/extract/observations.js";
import { postId } from "../../ingest/graph.js";
import type { Measure, ObservationKind, Qualifier } from "../../ingest/types.js";

/**
 * After a merge, observations and posts of the kept entity get the ids ingestion gives them now
 * (ids are hashes of what a fact is about): a re-read document then finds its facts instead of
 * adding second copies. Facts whose new ids meet fold into one, keeping every citation.
 */

type Run = <T extends Record<string, unknown>>(query: CypherQuery) => Promise<T[]>;

interface ObservationKey {
  id: string;
  subjectId: string;
  indicatorId: string;
  period: number;
  periodStart: number | null;
  kind: ObservationKind;
  measure: Measure;
  qualifier: Qualifier;
  normalizedValue: number;
  normalizedUnit: string;
}

interface PostKey {
  id: string;
  personId: string;
  organizationId: string;
  title: string;
}

const OBSERVATIONS_OF = `
MATCH (o:Observation) WHERE EXISTS { (o)-[:ABOUT|OF_INDICATOR]->(:Entity {id: $id}) }
MATCH (o)-[:ABOUT]->(s:Entity), (o)-[:OF_INDICATOR]->(i:Entity)
WITH o, min(s.id) AS subjectId, min(i.id) AS indicatorId
RETURN o.id AS id, subjectId, indicatorId, o.period AS period, o.periodStart AS periodStart, o.kind AS kind, o.measure AS measure,
       o.qualifier AS qualifier, o.normalizedValue AS normalizedValue, o.normalizedUnit AS normalizedUnit`;

const POSTS_OF = `
MATCH (post:Post) WHERE EXISTS { (:Entity {id: $id})-[:HOLDS]->(post) } OR EXISTS { (post)-[:POST_IN]->(:Entity {id: $id}) }
MATCH (person:Entity)-[:HOLDS]->(post)-[:POST_IN]->(org:Entity)
WITH post, min(person.id) AS personId, min(org.id) AS organizationId
RETURN post.id AS id, personId, organizationId, post.title AS title`;

// Labels come from this allow-list only.
const FOLD = {
  Observation: foldStatement("Observation"),
  Post: foldStatement("Post"),
} as const;

function foldStatement(label: "Observation" | "Post"): string {
  return `
UNWIND $folds AS f
MATCH (dup:${label} {id: f.from}), (target:${label} {id: f.into})
OPTIONAL MATCH (dup)-[c:CITED_IN]->(p:Passage)
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END |
  MERGE (target)-[n:CITED_IN {start: c.start, end: c.end}]->(p) SET n.quote = c.quote, n.method = c.method)
WITH DISTINCT dup
DETACH DELETE dup`;
}

/** Renames in two steps through unique temporary ids, so that two facts may trade ids without a constraint error. */
function renameStatements(label: "Observation" | "Post", renames: Array<{ from: string; to: string; properties: Record<string, unknown> }>): CypherQuery[] {
  return [
    cypher(`UNWIND $renames AS r MATCH (n:${label} {id: r.from}) SET n.id = r.to + ' (re-keying)'`, { renames }),
    cypher(`UNWIND $renames AS r MATCH (n:${label} {id: r.to + ' (re-keying)'}) SET n.id = r.to, n += r.properties`, { renames }),
  ];
}

interface Regrouped {
  folds: Array<{ from: string; into: string }>;
  renames: Array<{ from: string; to: string; properties: Record<string, unknown> }>;
}

/** Groups facts by their new id: one survivor per group (the one that already has it, else the first), the rest fold into it. */
function regroup<T extends { id: string }>(rows: T[], newId: (row: T) => string, properties: (row: T) => Record<string, unknown>): Regrouped {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(newId(row), [...(groups.get(newId(row)) ?? []), row]);
  const out: Regrouped = { folds: [], renames: [] };
  for (const [id, members] of groups) {
    const survivor = members.find((m) => m.id === id) ?? (members[0] as T);
    for (const m of members) if (m !== survivor) out.folds.push({ from: m.id, into: survivor.id });
    if (survivor.id !== id) out.renames.push({ from: survivor.id, to: id, properties: properties(survivor) });
  }
  return out;
}

async function apply(run: Run, label: "Observation" | "Post", plan: Regrouped): Promise<void> {
  if (plan.folds.length > 0) await run(cypher(FOLD[label], { folds: plan.folds }));
  if (plan.renames.length > 0) for (const statement of renameStatements(label, plan.renames)) await run(statement);
}

/** Re-keys the observations and posts of entity `id` (run after its merge, in the same transaction). */
export async function rekeyFactsOf(run: Run, id: string): Promise<void> {
  const observations = await run<Record<string, unknown> & ObservationKey>(cypher(OBSERVATIONS_OF, { id }));
  const key = (o: ObservationKey) => ({ ...o, periodStart: o.periodStart ?? undefined });
  await apply(
    run,
    "Observation",
    regroup(
      observations,
      (o) => observationId(key(o)),
      (o) => ({ subjectId: o.subjectId, indicatorId: o.indicatorId, factKey: factKey(key(o)) }),
    ),
  );
  const posts = await run<Record<string, unknown> & PostKey>(cypher(POSTS_OF, { id }));
  await apply(
    run,
    "Post",
    regroup(posts, postId, (p) => ({ personId: p.personId, organizationId: p.organizationId })),
  );
}
