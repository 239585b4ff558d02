import { describe, expect, it } from "vitest";
import { defaultDeps, evaluateContainment, evaluateObservations, evaluatePosts } from "./evaluate.js";
import { evaluateOpen, sameSubject } from "./open-evaluate.js";
import { loadOpenSet } from "./open-gold.js";
import { predictOpen } from "./open-predict.js";

const deps = defaultDeps();

// The issues' quality bars, measured on the hand-annotated gold sets (data/gold): a regression fails here.
describe("the corpus gold", () => {
  it("keeps observations at precision and recall ≥ 0.99", () => {
    const { strict } = evaluateObservations(deps);
    expect(strict.gold).toBeGreaterThan(450);
    expect(strict.precision).toBeGreaterThanOrEqual(0.99);
    expect(strict.recall).toBeGreaterThanOrEqual(0.99);
  });

  it("extracts posts and containment well enough to be useful", () => {
    expect(evaluatePosts(deps).score.recall).toBeGreaterThanOrEqual(0.99);
    const containment = evaluateContainment(deps).score;
    expect(containment.precision).toBeGreaterThanOrEqual(0.85);
    expect(containment.recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe("the open gold (texts from other provinces, ingested with title and date only)", () => {
  for (const set of ["dev", "test"] as const) {
    it(`${set}: observations P ≥ 0.95 and R ≥ 0.85, posts and subjects P ≥ 0.95, nothing on a place the text does not name`, () => {
      const docs = loadOpenSet(set);
      expect(docs.length).toBeGreaterThanOrEqual(20);
      const e = evaluateOpen(docs, (doc) => predictOpen(doc, deps));
      expect(e.strict.precision).toBeGreaterThanOrEqual(0.95);
      expect(e.strict.recall).toBeGreaterThanOrEqual(0.85);
      expect(e.posts.precision).toBeGreaterThanOrEqual(0.95);
      expect(e.subjects.precision).toBeGreaterThanOrEqual(0.95);
      expect(e.unnamedPlace).toBe(0);
    });
  }
});

it("compares a place by its gazetteer path, and anything else by name", () => {
  expect(sameSubject("北京市/朝阳区", { name: "朝阳区", path: "吉林省/长春市/朝阳区", names: [] })).toBe(false);
  expect(sameSubject("北京市/朝阳区", { name: "朝阳区", path: "北京市/朝阳区", names: [] })).toBe(true);
  expect(sameSubject("北部湾港", { name: "北部湾港", path: null, names: [] })).toBe(true);
  expect(sameSubject(null, { name: "北部湾港", path: null, names: [] })).toBe(false);
});
