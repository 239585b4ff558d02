import { GoldError, loadGoldContainment, loadGoldObservations, loadGoldPosts } from "./gold.js";

try {
  const observations = loadGoldObservations();
  const byDoc = new Map<string, number>();
  for (const o of observations) byDoc.set(o.document, (byDoc.get(o.document) ?? 0) + 1);
  // Two gold lines for the same number position are a copy-paste slip.
  const seen = new Set<string>();
  for (const o of observations) {
    const key = `${o.document}@${o.valueStart}`;
    if (seen.has(key)) throw new GoldError(`${o.document}.jsonl:${o.line}: a second line for the value at offset ${o.valueStart} ("${o.value_text}")`);
    seen.add(key);
  }
  console.log(`observations: ${observations.length} (${[...byDoc].map(([d, n]) => `${d.slice(0, 3)}: ${n}`).join(", ")})`);
  console.log(`posts: ${loadGoldPosts().length}`);
  console.log(`containment: ${loadGoldContainment().length}`);
} catch (error) {
  if (!(error instanceof GoldError)) throw error;
  console.error(`gold: ${error.message}`);
  process.exit(1);
}
