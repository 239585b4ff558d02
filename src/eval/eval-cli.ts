import { parseArgs } from "node:util";
import { defaultDeps, evaluateContainment, evaluateObservations, evaluatePosts, type Score } from "./evaluate.js";
import { evaluateOpen, type OpenEval } from "./open-evaluate.js";
import { loadOpenSet, OPEN_SETS, type OpenSet } from "./open-gold.js";
import { predictOpen } from "./open-predict.js";

const { values } = parseArgs({
  options: {
    verbose: { type: "boolean", short: "v", default: false },
    set: { type: "string", multiple: true },
  },
});
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const row = (name: string, s: Score): string =>
  `${name.padEnd(28)} P ${pct(s.precision).padStart(6)}  R ${pct(s.recall).padStart(6)}  (gold ${s.gold}, predicted ${s.predicted}, correct ${s.correct})`;
const wanted = new Set(values.set ?? ["corpus", ...OPEN_SETS]);

const deps = defaultDeps();
const { registry } = deps;

if (wanted.has("corpus")) {
  console.log("== corpus gold (data/gold: the five corpus pages; the rules were tuned on it) ==");
  const result = evaluateObservations(deps);
  console.log(row("observations (strict)", result.strict));
  console.log(row("observations (figure found)", result.spans));
  console.log(
    `attribute accuracy on found figures: ${Object.entries(result.attributeAccuracy)
      .map(([a, v]) => `${a} ${pct(v)}`)
      .join(", ")}`,
  );
  console.log(`indicator agreement on found figures (same name, or one contains the other): ${pct(result.indicatorAgreement)}`);
  const posts = evaluatePosts(deps);
  const containment = evaluateContainment(deps);
  console.log(row("posts", posts.score));
  console.log(row("containment (rules only)", containment.score));
  if (values.verbose) {
    for (const m of result.mismatches) {
      const p = m.predicted;
      const show = (a: string): string => {
        const g = m.gold;
        const map: Record<string, [unknown, unknown]> = {
          subject: [g.subject, registry.byId.get(p.subjectId)?.name ?? p.subjectId],
          period: [g.period, p.period],
          kind: [g.kind, p.kind],
          measure: [g.measure, p.measure],
          qualifier: [g.qualifier, p.qualifier],
          value: [g.normalized_value, p.normalizedValue],
          unit: [g.normalized_unit, p.normalizedUnit],
        };
        const [gv, pv] = map[a] ?? ["", ""];
        return `${a}: gold ${String(gv)} / got ${String(pv)}`;
      };
      console.log(`WRONG ${m.gold.document.slice(0, 3)}:${m.gold.line} ${m.gold.quote} | ${m.wrong.map(show).join("; ")}`);
    }
    for (const m of result.indicatorMisses) console.log(`INDICATOR ${m}`);
    for (const g of result.missed) console.log(`MISSED ${g.document.slice(0, 3)}:${g.line} ${g.quote} [${g.value_text}]`);
    for (const p of result.spurious) console.log(`SPURIOUS ${p.citation.documentId.slice(0, 3)} ${p.citation.quote} [${p.valueText}]`);
    for (const [label, set] of [
      ["post", posts],
      ["containment", containment],
    ] as const) {
      for (const m of set.missed) console.log(`MISSED ${label} ${m}`);
      for (const s of set.spurious) console.log(`SPURIOUS ${label} ${s}`);
    }
  }
}

function printOpen(set: OpenSet, e: OpenEval): void {
  console.log(`== open/${set} (data/gold/open/${set}: ${e.documents} documents ingested with title and date only) ==`);
  console.log(row("observations (strict)", e.strict));
  console.log(row("observations (figure found)", e.spans));
  console.log(
    `attribute accuracy on found figures: ${Object.entries(e.attributeAccuracy)
      .map(([a, v]) => `${a} ${pct(v)}`)
      .join(", ")}`,
  );
  console.log(row("posts", e.posts));
  console.log(row("document subjects", e.subjects));
  console.log(`figures on a place other than the gold's: ${e.wrongPlace}; on a place the text never names: ${e.unnamedPlace}`);
  console.log(
    `figures left out: ${
      Object.entries(e.skipped)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") || "none"
    }`,
  );
  if (values.verbose) for (const d of e.details) console.log(d);
}

for (const set of OPEN_SETS) {
  if (!wanted.has(set)) continue;
  printOpen(
    set,
    evaluateOpen(loadOpenSet(set), (doc) => predictOpen(doc, deps)),
  );
}
