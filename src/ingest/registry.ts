import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { InternalError } from "../errors/internal-errors.js";
import { PROJECT_ROOT } from "../neo4j/paths.js";
import { Gazetteer } from "./gazetteer/gazetteer.js";
import { ENTITY_KINDS, type EntityKind } from "./types.js";

export const REGISTRY_DIR = path.join(PROJECT_ROOT, "data", "registry");

const entrySchema = z
  .object({
    kind: z.enum(ENTITY_KINDS),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    localAliases: z.array(z.string().min(1)).default([]),
    of: z.string().min(1).optional(),
    /** GB/T 2260 code of a province-, prefecture- or county-level place, where its name alone is ambiguous. */
    code: z
      .string()
      .regex(/^\d{6}$/u)
      .optional(),
    description: z.string().optional(),
    partOf: z.array(z.string()).default([]),
    locatedIn: z.array(z.string()).default([]),
    partnerOf: z.array(z.string()).default([]),
    subOrganizationOf: z.array(z.string()).default([]),
    properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .strict();

export interface RegistryEntry {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** Surface forms valid only inside an article about `localTo` (区委 in a 市北区 article). */
  localAliases: string[];
  localTo: string | undefined;
  description: string | undefined;
  properties: Record<string, string | number | boolean>;
  relations: Array<{ type: RegistryRelationType; target: string }>;
}

export type RegistryRelationType = "PART_OF" | "LOCATED_IN" | "PARTNER_OF" | "SUB_ORGANIZATION_OF";

export function entityId(kind: EntityKind, name: string): string {
  return `${kind.toLowerCase()}:${name}`;
}

/** Kinds whose entities are the gazetteer's divisions: one node per GB/T 2260 code, whoever names it. */
export const DIVISION_KINDS = new Set<EntityKind>(["PROVINCE", "CITY", "DISTRICT", "COUNTY"]);

/** Id of a gazetteer place: its kind and code (district:370203), so ids of one kind share a prefix. */
export const divisionId = (d: { kind: EntityKind; code: string }): string => `${d.kind.toLowerCase()}:${d.code}`;

/** The GB/T 2260 code in a place's id, if the id is one. */
export function codeOfId(id: string): string | undefined {
  return /^(?:province|city|district|county):(\d{6})$/u.exec(id)?.[1];
}

/** A registry place as its gazetteer division; the registry is refused when the gazetteer does not know it. */
function divisionCode(gazetteer: Gazetteer, e: { name: string; kind: EntityKind; code?: string | undefined }): string {
  const found = e.code ? gazetteer.byCode(e.code) : gazetteer.resolve(e.name);
  if (!found || found.kind !== e.kind) throw new InternalError(`registry: ${e.kind} ${e.name} is not a single ${e.kind} of the gazetteer; give its code`);
  return found.code;
}

export class Registry {
  readonly byId = new Map<string, RegistryEntry>();
  private readonly byName = new Map<string, RegistryEntry[]>();

  constructor(entries: RegistryEntry[]) {
    for (const entry of entries) {
      if (this.byId.has(entry.id)) throw new InternalError(`registry: ${entry.id} is listed twice`);
      this.byId.set(entry.id, entry);
      const list = this.byName.get(entry.name) ?? [];
      list.push(entry);
      this.byName.set(entry.name, list);
    }
  }

  get entries(): RegistryEntry[] {
    return [...this.byId.values()];
  }

  /** The entry with this canonical name; an error if none or several (then use an id). */
  resolve(name: string): RegistryEntry {
    const byId = this.byId.get(name);
    if (byId) return byId;
    const found = this.byName.get(name) ?? [];
    if (found.length !== 1) throw new InternalError(`registry: "${name}" names ${found.length} entities`);
    return found[0] as RegistryEntry;
  }

  /** Every surface form (name, aliases, local aliases) with the entry it denotes. */
  surfaces(): Array<{ surface: string; entry: RegistryEntry; localTo: string | undefined }> {
    return this.entries.flatMap((entry) => [
      { surface: entry.name, entry, localTo: undefined },
      ...entry.aliases.map((surface) => ({ surface, entry, localTo: undefined })),
      ...entry.localAliases.map((surface) => ({ surface, entry, localTo: entry.localTo })),
    ]);
  }
}

/** Loads and checks every YAML file of the reviewed registry (data/registry). */
export function loadRegistry(dir = REGISTRY_DIR, gazetteer = Gazetteer.load()): Registry {
  const raw: Array<z.infer<typeof entrySchema> & { file: string }> = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const items = parse(readFileSync(path.join(dir, file), "utf8")) as unknown;
    if (!Array.isArray(items)) throw new InternalError(`registry ${file}: expected a list`);
    items.forEach((item, i) => {
      const parsed = entrySchema.safeParse(item);
      if (!parsed.success)
        throw new InternalError(`registry ${file} #${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
      raw.push({ ...parsed.data, file });
    });
  }
  const registry = new Registry(
    raw.map((e) => {
      const code = DIVISION_KINDS.has(e.kind) ? divisionCode(gazetteer, e) : undefined;
      return {
        id: code ? divisionId({ kind: e.kind, code }) : entityId(e.kind, e.name),
        kind: e.kind,
        name: e.name,
        aliases: e.aliases,
        localAliases: e.localAliases,
        localTo: e.of,
        description: e.description,
        properties: { ...(e.properties ?? {}), ...(code ? { code } : {}) },
        relations: [],
      };
    }),
  );
  // Second pass: references by canonical name resolve to ids, or the registry is refused.
  raw.forEach((e) => {
    const entry = registry.resolve(e.name);
    const add = (type: RegistryRelationType, names: string[]) => {
      for (const name of names) entry.relations.push({ type, target: registry.resolve(name).id });
    };
    add("PART_OF", e.partOf);
    add("LOCATED_IN", e.locatedIn);
    add("PARTNER_OF", e.partnerOf);
    add("SUB_ORGANIZATION_OF", e.subOrganizationOf);
    if (e.of) registry.resolve(e.of);
  });
  checkSurfaceClashes(registry);
  return registry;
}

/** Two entities may not share a global surface form: a mention must denote one thing. */
function checkSurfaceClashes(registry: Registry): void {
  const owner = new Map<string, string>();
  for (const { surface, entry, localTo } of registry.surfaces()) {
    const key = `${localTo ?? "*"}|${surface}`;
    const previous = owner.get(key);
    if (previous && previous !== entry.id) throw new InternalError(`registry: "${surface}" denotes both ${previous} and ${entry.id}`);
    owner.set(key, entry.id);
  }
}
