import { expect, it } from "vitest";
import { evaluateContainment, evaluateObservations, evaluatePosts } from "./evaluate.js";

// The quality bar, measured on the hand-annotated gold set (data/gold): a regression fails here.
it("extracts observations with precision ≥ 0.95 and recall ≥ 0.90 against the gold set", () => {
  const { strict } = evaluateObservations();
  expect(strict.gold).toBeGreaterThan(450);
  expect(strict.precision).toBeGreaterThanOrEqual(0.95);
  expect(strict.recall).toBeGreaterThanOrEqual(0.9);
});

it("extracts posts and containment well enough to be useful", () => {
  expect(evaluatePosts().score.recall).toBeGreaterThanOrEqual(0.9);
  const containment = evaluateContainment().score;
  expect(containment.precision).toBeGreaterThanOrEqual(0.85);
  expect(containment.recall).toBeGreaterThanOrEqual(0.8);
});
