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
    expect(registry.resolve("邮轮港区").relations).toContainEqual({ type: "PART_OF", target: "district:370203" });
  });

  it("gives registry places their gazetteer code as id, and refuses a place the gazetteer does not know", () => {
    expect(loadRegistry().resolve("市北区")).toMatchObject({ id: "district:370203", kind: "DISTRICT", properties: { code: "370203" } });
    expect(() => registryFrom("- { kind: DISTRICT, name: 不存在区 }")).toThrow(/not a single DISTRICT of the gazetteer/);
    expect(() => registryFrom("- { kind: DISTRICT, name: 朝阳区 }")).toThrow(/give its code/);
    expect(registryFrom("- { kind: DISTRICT, name: 朝阳区, code: '220104' }").resolve("朝阳区").id).toBe("district:220104");
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
