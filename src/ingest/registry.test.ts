import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SurfaceMatcher } from "./link.js";
import { loadRegistry } from "./registry.js";

const dir = mkdtempSync(path.join(tmpdir(), "registry-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function registryFrom(yaml: string) {
  const sub = mkdtempSync(path.join(dir, "r-"));
  writeFileSync(path.join(sub, "a.yaml"), yaml);
  return loadRegistry(sub);
}

describe("registry", () => {
  it("loads the project's reviewed registry", () => {
    const registry = loadRegistry();
    expect(registry.resolve("邮轮港区").aliases).toContain("青岛国际邮轮港区");
    expect(registry.resolve("邮轮港区").relations).toContainEqual({ type: "PART_OF", target: "district:市北区" });
  });

  it("refuses a relation to an unknown name and a surface form shared by two entities", () => {
    expect(() => registryFrom("- { kind: ZONE, name: 甲区, partOf: [乙区] }")).toThrow(/"乙区" names 0 entities/);
    expect(() => registryFrom("- { kind: ZONE, name: 甲, aliases: [丙] }\n- { kind: PROJECT, name: 乙, aliases: [丙] }")).toThrow(/"丙" denotes both/);
  });

  it("matches leftmost-longest names, and local aliases only in their place's articles", () => {
    const matcher = SurfaceMatcher.of(loadRegistry());
    const names = (text: string, place: string | null) => matcher.match(text, place).map((m) => m.entry.name);
    expect(names("青岛国际邮轮港区和邮轮港区", null)).toEqual(["邮轮港区", "邮轮港区"]);
    expect(names("区委书记", "市北区")).toEqual(["中共青岛市市北区委员会"]);
    expect(names("区委书记", "崂山区")).toEqual([]);
  });
});
