import {
  astFromValue,
  type DocumentNode,
  execute,
  type GraphQLArgument,
  GraphQLEnumType,
  type GraphQLError,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  GraphQLInputObjectType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  print,
  validate,
} from "graphql";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import type { GraphQLContext } from "../../src/graphql/context.js";
import { projectionFieldResolver } from "../../src/graphql/field-resolver.js";
import { createErrorFormatter } from "../../src/graphql/format-error.js";
import { buildGraphQLSchema } from "../../src/graphql/schema.js";
import { createLogger } from "../../src/log/logger.js";
import { encodeCursor } from "../../src/translate/cursor.js";
import { ID_PREFIX } from "../../src/translate/model.js";
import { testDatabase } from "../helpers/neo4j.js";

/**
 * Schema-driven fuzzing of the read API: valid operations (checked with validate() before they are
 * sent) over every Query root, with aliases on every field (toString, __proto__ …), fragments on the
 * abstract types, hostile strings, page sizes and cursors, run against the real schema and corpus
 * graph. Every error must be a client error, as the server's formatter would label it, without a
 * stack trace. FUZZ_SEED and FUZZ_COUNT explore further; the committed run is fixed.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);
const COUNT = Number(process.env.FUZZ_COUNT ?? 2_000);
const CONCURRENCY = 2;
const MAX_DEPTH = 5;
/** The run takes well under two minutes on an idle 2-core machine; the timeout only catches a hang (and a busy shared machine). */
const TIMEOUT_MS = 300_000;
/** How many sets of values fill one shape, at most. */
const SHAPE_REUSE = 8;

const { driver, executor } = testDatabase(20_000);
afterAll(() => driver.close());

/** Aliases that are JavaScript object internals, next to ordinary ones. */
const ALIASES = [
  "toString",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "__defineGetter__",
  "then",
  "length",
  "x",
  "a1",
  "_",
  "edges",
  "node",
  "name",
  "id",
  "cursor",
  "pageInfo",
  "totalCount",
];

const HOSTILE = [
  "",
  " ",
  "   ",
  "\u200b",
  "\u200b市北区",
  "市北\u200d区",
  "\ufeff",
  "'",
  '"',
  "\\",
  "`",
  "``) RETURN 1 //",
  "x'}) DETACH DELETE n //",
  "$p0",
  "*:*",
  "*",
  "?",
  "a AND",
  "AND",
  "OR NOT",
  '"',
  '"unterminated',
  "title:(x",
  "港区~2 AND",
  "(",
  "[",
  "{",
  "/",
  "//",
  "a/b/c",
  ":",
  "::",
  "\n",
  "\t\r",
  "😀",
  "👨‍👩‍👧‍👦",
  "\u202e市北区",
  "\ud800",
  "x\udc00y",
  "مرحبا",
  "שלום",
  "ｔｏＳｔｒｉｎｇ",
  "㍿",
  "370203",
  "000000",
  "山东省/青岛市/市北区",
  "MATCH (n) RETURN n",
  "toString",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "x".repeat(200),
  "x".repeat(201),
  "区".repeat(500),
  "区 ".repeat(260),
  "a".repeat(501),
];
/** Generated once: the kind of input that blew Neo4j's heap. */
const HUGE = "市".repeat(120_000);

const PAGE_SIZES: Array<number | null> = [null, null, 0, 1, 2, 3, 5, 20, 100, 101, -1, -100, 1000, 2_147_483_647, -2_147_483_648];
const PERIODS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 0, -1, 2_147_483_647, -2_147_483_648];

interface Corpus {
  ids: string[];
  names: string[];
}

/** Real ids (a few of every label) and names, aliases, codes and paths from the corpus graph. */
async function sampleCorpus(): Promise<Corpus> {
  const ids = await executor.read<{ ids: string[] }>(
    cypher(
      "MATCH (n) WHERE n.id IS NOT NULL AND NOT n:TestNode WITH CASE WHEN n.id CONTAINS ':' THEN split(n.id, ':')[0] ELSE 'document' END AS prefix, n ORDER BY n.id WITH prefix, collect(n.id) AS all RETURN all[0..3] + all[-2..] AS ids",
    ),
  );
  const names = await executor.read<{ values: string[] }>(
    cypher(
      "MATCH (e:Entity) WHERE NOT e:TestNode WITH e ORDER BY e.id WITH collect(e)[0..400] AS es UNWIND es AS e RETURN [e.name] + coalesce(e.aliases, []) + [x IN [e.code, e.path] WHERE x IS NOT NULL] AS values",
    ),
  );
  return { ids: ids.flatMap((r) => r.ids), names: [...new Set(names.flatMap((r) => r.values))] };
}

class Random {
  constructor(private readonly rng: RandomGenerator) {}

  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  chance(p: number): boolean {
    return this.int(0, 9_999) < p * 10_000;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from nothing");
    return items[this.int(0, items.length - 1)] as T;
  }
}

interface Operation {
  source: string;
  variables: Record<string, unknown>;
}

/** A hole an argument's value goes into: written once with the shape, filled anew for each operation. */
interface Hole {
  argument: GraphQLArgument;
  /** Whether the value goes in as a variable (else inline, unless it cannot be written inline). */
  asVariable: boolean;
}

/** An operation's shape (fields, aliases, fragments, which arguments) with holes for argument values. */
interface Template {
  source: string;
  holes: Hole[];
}

const HOLE = /\uE000(\d+)\uE000/gu;

/**
 * Writes operation shapes; counts which fields it has asked for under an alias, and steers toward
 * those asked least. One shape is filled with several sets of values: the selection decides the
 * Cypher text (one plan in Neo4j), the values what it reads.
 */
class ShapeWriter {
  private holes: Hole[] = [];
  private fragments: string[] = [];
  readonly aliased = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: Random,
  ) {}

  template(roots: ReadonlyArray<GraphQLField<unknown, unknown>>): Template {
    this.holes = [];
    this.fragments = [];
    const queryType = this.schema.getQueryType();
    if (!queryType) throw new Error("no Query type");
    const used = new Set<string>();
    const selections = roots.map((root) => this.field(queryType, root, 1, used)).filter((s): s is string => s !== null);
    return { source: [`{ ${selections.join(" ")} }`, ...this.fragments].join("\n"), holes: this.holes };
  }

  /**
   * A shape that reaches `typeName.fieldName` by the shortest way from Query (fields, and inline
   * fragments through abstract types) and asks for it under an alias: for fields the random shapes missed.
   */
  reaching(typeName: string, fieldName: string): Template | null {
    this.holes = [];
    this.fragments = [];
    const queryType = this.schema.getQueryType();
    if (!queryType) throw new Error("no Query type");
    type Step = { field: GraphQLField<unknown, unknown>; parent: GraphQLNamedType } | { fragment: GraphQLObjectType };
    const ways = new Map<string, Step[]>([[queryType.name, []]]);
    const queue: GraphQLNamedType[] = [queryType];
    for (let type = queue.shift(); type; type = queue.shift()) {
      const way = ways.get(type.name) ?? [];
      const next: Array<[GraphQLNamedType, Step]> = [];
      if (isObjectType(type) || isInterfaceType(type))
        for (const field of Object.values(type.getFields())) next.push([getNamedType(field.type), { field, parent: type }]);
      if (isAbstractType(type)) for (const member of this.schema.getPossibleTypes(type)) next.push([member, { fragment: member }]);
      for (const [target, step] of next) {
        if (!isCompositeType(target) || ways.has(target.name)) continue;
        ways.set(target.name, [...way, step]);
        queue.push(target);
      }
    }
    const type = this.schema.getType(typeName);
    const way = ways.get(typeName);
    if (!way || !(isObjectType(type) || isInterfaceType(type))) return null;
    const target = type.getFields()[fieldName];
    if (!target) return null;
    const fieldDepth = way.filter((step) => "field" in step).length + 1;
    const last = this.field(type, target, fieldDepth, new Set(), true);
    if (!last) return null;
    const body = way.reduceRight(
      (inner, step) => ("fragment" in step ? `... on ${step.fragment.name} { ${inner} }` : `${this.call(step.field)} { ${inner} }`),
      last,
    );
    return { source: [`{ ${body} }`, ...this.fragments].join("\n"), holes: this.holes };
  }

  /** A field's name and its arguments (the required ones, some optional ones), as holes. */
  private call(field: GraphQLField<unknown, unknown>): string {
    const args = field.args
      .filter((arg) => isNonNullType(arg.type) || this.random.chance(0.65))
      .map((argument) => `${argument.name}: \uE000${this.holes.push({ argument, asVariable: this.random.chance(0.3) }) - 1}\uE000`);
    return `${field.name}${args.length > 0 ? `(${args.join(", ")})` : ""}`;
  }

  /** One field with its arguments and (for an object) a sub-selection; null when the depth leaves no room for it. */
  private field(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, depth: number, used: Set<string>, aliased = false): string | null {
    const type = getNamedType(field.type);
    if (isCompositeType(type) && depth >= MAX_DEPTH) return null;
    let key = field.name;
    if (aliased || this.random.chance(0.45)) {
      const alias = this.random.pick(ALIASES.filter((a) => !used.has(a)));
      key = alias;
    }
    if (used.has(key)) return null;
    used.add(key);
    if (key !== field.name) this.aliased.set(`${parent.name}.${field.name}`, (this.aliased.get(`${parent.name}.${field.name}`) ?? 0) + 1);
    const sub = isCompositeType(type) ? ` { ${this.selection(type, depth + 1, new Set())} }` : "";
    const directive = this.random.chance(0.05) ? (this.random.chance(0.5) ? " @include(if: true)" : " @skip(if: false)") : "";
    return `${key === field.name ? "" : `${key}: `}${this.call(field)}${directive}${sub}`;
  }

  /**
   * Fields of `type` (object, interface or union), least-aliased first, with fragments on abstract
   * types; `used` holds the response keys already taken at this level. Fewer fields the deeper it
   * goes: each new shape of query costs Neo4j a plan.
   */
  private selection(type: GraphQLNamedType, depth: number, used: Set<string>): string {
    const parts: string[] = [];
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = Object.values(type.getFields());
      const count = this.random.int(1, Math.min(depth <= 2 ? 3 : depth === 3 ? 2 : 1, fields.length));
      // Fields this run has aliased least come first, so every field gets its turn.
      const ranked = [...fields].sort(
        (a, b) => (this.aliased.get(`${type.name}.${a.name}`) ?? 0) - (this.aliased.get(`${type.name}.${b.name}`) ?? 0) || this.random.int(-1, 1),
      );
      for (const field of ranked.slice(0, count + this.random.int(0, 2))) {
        if (parts.length >= count) break;
        const written = this.field(type, field, depth, used);
        if (written) parts.push(written);
      }
    }
    if (isAbstractType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      for (let i = this.random.int(0, 2); i > 0; i -= 1) {
        const member = this.leastAliased(possible);
        parts.push(`... on ${member.name} { ${this.selection(member, depth, new Set(used))} }`);
      }
      if (this.random.chance(0.3)) parts.push(`... on Node { ${this.random.chance(0.5) && !used.has("id") ? "id" : "__typename"} }`);
      if (isUnionType(type) && this.random.chance(0.4)) parts.push(`... on Entity { ${this.selection(this.named("Entity"), depth, new Set(used))} }`);
    }
    if (isObjectType(type) && this.random.chance(0.08)) {
      const name = `F${this.fragments.length}`;
      // The slot is taken before the fragment's own selection, which may write fragments too.
      this.fragments.push("");
      this.fragments[Number(name.slice(1))] = `fragment ${name} on ${type.name} { ${this.selection(type, depth, new Set(used))} }`;
      parts.push(`...${name}`);
    }
    if (isObjectType(type) && parts.length > 0 && this.random.chance(0.05)) parts.push(`... @include(if: false) { ${parts[0] ?? "__typename"} }`);
    if (parts.length === 0 || this.random.chance(0.15)) parts.push("__typename");
    return parts.join(" ");
  }

  /** Of three members picked at random, the one whose fields this run has aliased least. */
  private leastAliased(members: readonly GraphQLObjectType[]): GraphQLObjectType {
    const score = (t: GraphQLObjectType): number => Math.min(...Object.keys(t.getFields()).map((f) => this.aliased.get(`${t.name}.${f}`) ?? 0));
    const drawn = [this.random.pick(members), this.random.pick(members), this.random.pick(members)];
    return drawn.reduce((best, t) => (score(t) < score(best) ? t : best));
  }

  private named(name: string): GraphQLNamedType {
    const type = this.schema.getType(name);
    if (!type) throw new Error(`no type ${name}`);
    return type;
  }
}

/** Fills a template's holes with values: real names and ids, hostile strings, page sizes and cursors. */
class ValueWriter {
  constructor(
    private readonly random: Random,
    private readonly corpus: Corpus,
  ) {}

  operation(template: Template): Operation {
    const variables: Record<string, unknown> = {};
    const declarations: string[] = [];
    // A hole written twice (a field repeated under @include(if: false)) gets the same value both times.
    const filled = new Map<string, string>();
    const fill = (index: string): string => {
      const { argument, asVariable } = template.holes[Number(index)] as Hole;
      const value = this.value(argument.name, argument.type);
      const ast = asVariable || (typeof value === "string" && value.length > 1_000) || hasLoneSurrogate(value) ? null : astFromValue(value, argument.type);
      if (ast) return print(ast);
      const name = `v${declarations.length}`;
      declarations.push(`$${name}: ${String(argument.type)}`);
      variables[name] = value;
      return `$${name}`;
    };
    const body = template.source.replace(HOLE, (_all, index: string) => {
      const text = filled.get(index) ?? fill(index);
      filled.set(index, text);
      return text;
    });
    return { source: declarations.length > 0 ? `query Fuzz(${declarations.join(", ")}) ${body}` : body, variables };
  }

  private value(argName: string, type: GraphQLInputType): unknown {
    const nullable = getNullableType(type);
    if (isListType(nullable)) return Array.from({ length: this.random.int(0, 4) }, () => this.value(argName, nullable.ofType));
    if (nullable instanceof GraphQLEnumType) return this.random.pick(nullable.getValues()).value;
    if (nullable instanceof GraphQLInputObjectType) {
      const out: Record<string, unknown> = {};
      for (const f of Object.values(nullable.getFields())) if (isNonNullType(f.type) || this.random.chance(0.5)) out[f.name] = this.value(f.name, f.type);
      return out;
    }
    const named = getNamedType(type).name;
    if (named === "Int") return argName === "first" ? this.random.pick(PAGE_SIZES) : this.random.pick(PERIODS);
    if (named === "Boolean") return this.random.chance(0.5);
    if (named === "Float") return this.random.pick([0, -1.5, 3.25, 1e300]);
    if (argName === "after") return this.cursor();
    if (argName === "id") return this.id();
    if (argName === "types")
      return this.random.chance(0.85)
        ? this.random.pick(["PART_OF", "LOCATED_IN", "PARTNER_OF", "SUB_ORGANIZATION_OF", "PARTICIPATED_IN", "APPLIES_TO"])
        : this.hostile();
    return this.random.chance(0.5) ? this.realName() : this.hostile();
  }

  private hostile(): string {
    if (this.random.chance(0.01)) return HUGE;
    const base = this.random.pick(HOSTILE);
    // Sometimes a real name wrapped in something hostile.
    return this.random.chance(0.2) ? `${base}${this.realName()}${base}` : base;
  }

  private realName(): string {
    const name = this.random.pick(this.corpus.names);
    return this.random.chance(0.15)
      ? Array.from(name)
          .slice(0, this.random.int(1, Math.max(1, Array.from(name).length)))
          .join("")
      : name;
  }

  private id(): string {
    const roll = this.random.int(0, 9);
    if (roll < 5) return this.random.pick(this.corpus.ids);
    if (roll < 8)
      return `${this.random.pick([...ID_PREFIX.keys(), "document", "toString", "__proto__", "constructor", "hasOwnProperty", "", "DISTRICT"])}:${this.random.chance(0.5) ? this.realName() : this.hostile()}`;
    return this.hostile();
  }

  private cursor(): string {
    const roll = this.random.int(0, 9);
    if (roll < 5) return encodeCursor(this.random.int(0, 60));
    if (roll < 6) return encodeCursor(999_999_999);
    return this.random.pick([
      ...HOSTILE,
      Buffer.from("offset:-1").toString("base64url"),
      Buffer.from("offset:1e3").toString("base64url"),
      Buffer.from("offset:9999999999").toString("base64url"),
      Buffer.from("offset:01").toString("base64url"),
      "b2Zmc2V0OjA=",
      "b2Zmc2V0OjA===",
      "!!!!",
      "b2Zmc2V0OjA".repeat(30),
    ]);
  }
}

/** `Type.field` of every field a read query can reach, walked from the query root (mutation results are not). */
function reachableFields(schema: GraphQLSchema): string[] {
  const queryType = schema.getQueryType();
  if (!queryType) return [];
  const seen = new Set<GraphQLObjectType | GraphQLInterfaceType>();
  const queue: Array<GraphQLObjectType | GraphQLInterfaceType> = [queryType];
  const visit = (type: GraphQLNamedType): void => {
    const targets = isUnionType(type) ? type.getTypes() : isInterfaceType(type) ? [type, ...schema.getPossibleTypes(type)] : isObjectType(type) ? [type] : [];
    for (const t of targets) if (!seen.has(t)) queue.push(t);
  };
  for (let t = queue.shift(); t; t = queue.shift()) {
    if (seen.has(t)) continue;
    seen.add(t);
    for (const field of Object.values(t.getFields())) visit(getNamedType(field.type));
  }
  seen.delete(queryType);
  return [...seen].filter((t) => !t.name.startsWith("__")).flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`));
}

function parseOrNull(source: string): DocumentNode | null {
  try {
    return parse(source);
  } catch {
    return null;
  }
}

/** A string the GraphQL lexer would refuse inline (it is fine as a variable's value). */
function hasLoneSurrogate(value: unknown): boolean {
  // JSON.stringify writes a lone surrogate, and only a lone one, as an escape.
  return /\\ud[89a-f][0-9a-f]{2}/iu.test(JSON.stringify(value) ?? "");
}

interface Failure {
  source: string;
  variables: Record<string, unknown>;
  errors: string[];
}

/** What the server's formatter would tell the client about each error, and whether it leaks internals. */
function problems(errors: readonly GraphQLError[]): string[] {
  const format = createErrorFormatter(createLogger("silent"), false);
  return errors.flatMap((error) => {
    const formatted = format(error.toJSON(), error);
    const leaks = /\n\s+at |\bat \/|node_modules|\.ts:\d+/u.test(formatted.message);
    if (formatted.extensions?.code !== "INTERNAL_SERVER_ERROR" && !leaks) return [];
    const original = error.originalError ?? error;
    return [
      `${String(formatted.extensions?.code)}: ${error.message}${leaks ? " (leaks internals)" : ""} at ${JSON.stringify(error.path)}\n${original.stack?.split("\n").slice(0, 4).join("\n") ?? ""}`,
    ];
  });
}

describe("schema-driven fuzzing of the read API", () => {
  let schema: GraphQLSchema;
  let corpus: Corpus;

  beforeAll(async () => {
    schema = await buildGraphQLSchema();
    corpus = await sampleCorpus();
  });

  it(
    `answers ${COUNT} valid random queries (seed ${SEED}) with data or client errors, never an internal error`,
    async () => {
      const shapes = new ShapeWriter(schema, new Random(xoroshiro128plus(SEED)));
      const values = new ValueWriter(new Random(xoroshiro128plus(SEED + 1)), corpus);
      const random = new Random(xoroshiro128plus(SEED + 2));
      const queryType = schema.getQueryType();
      if (!queryType) throw new Error("no Query type");
      const roots = Object.values(queryType.getFields());
      const operations: Array<{ operation: Operation; document: DocumentNode }> = [];
      let drafts = 0;
      // Each shape leads with the next root in turn, so every root is asked about as often.
      for (let lead = 0; operations.length < COUNT && drafts < 10 * COUNT; lead += 1) {
        const template = shapes.template([
          roots[lead % roots.length] as GraphQLField<unknown, unknown>,
          ...Array.from({ length: random.chance(0.1) ? 1 : 0 }, () => random.pick(roots)),
        ]);
        for (let n = random.int(1, SHAPE_REUSE); n > 0 && operations.length < COUNT; n -= 1) {
          drafts += 1;
          const operation = values.operation(template);
          const document = parseOrNull(operation.source);
          if (document && validate(schema, document).length === 0) operations.push({ operation, document });
        }
      }
      expect(operations).toHaveLength(COUNT);
      // Then one shape for each field the random ones never asked for under an alias.
      for (const qualified of reachableFields(schema).filter((f) => !shapes.aliased.has(f))) {
        const [typeName = "", fieldName = ""] = qualified.split(".");
        const template = shapes.reaching(typeName, fieldName);
        const operation = template ? values.operation(template) : null;
        const document = operation ? parseOrNull(operation.source) : null;
        drafts += 1;
        if (operation && document && validate(schema, document).length === 0) operations.push({ operation, document });
      }

      const failures: Failure[] = [];
      const rootsRun = new Set<string>();
      const slowest: Array<{ ms: number; source: string }> = [];
      let next = 0;
      let answered = 0;
      let clientErrors = 0;
      const started = performance.now();
      const worker = async (): Promise<void> => {
        while (next < operations.length) {
          const { operation, document } = operations[next++] as { operation: Operation; document: DocumentNode };
          const contextValue: GraphQLContext = {
            executor,
            curator: false,
            ingest: () => {
              throw new Error("no ingestion in the read fuzz");
            },
          };
          const t0 = performance.now();
          const result = await execute({ schema, document, variableValues: operation.variables, contextValue, fieldResolver: projectionFieldResolver });
          slowest.push({ ms: performance.now() - t0, source: operation.source });
          slowest.sort((a, b) => b.ms - a.ms).splice(3);
          answered += Object.values(result.data ?? {}).filter((root) => root !== null).length;
          for (const def of document.definitions)
            if (def.kind === "OperationDefinition") for (const s of def.selectionSet.selections) if (s.kind === "Field") rootsRun.add(s.name.value);
          const found = problems(result.errors ?? []);
          clientErrors += (result.errors?.length ?? 0) - found.length;
          if (found.length > 0) failures.push({ source: operation.source, variables: operation.variables, errors: found });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const seconds = (performance.now() - started) / 1000;
      console.info(
        `fuzz: ${operations.length} queries (${drafts - operations.length} invalid drafts dropped) in ${seconds.toFixed(1)} s: ${answered} roots answered, ${clientErrors} client errors, ${failures.length} failing queries; slowest:\n` +
          slowest.map((q) => `${q.ms.toFixed(0)} ms ${q.source.slice(0, 300)}`).join("\n"),
      );

      const report = failures
        .slice(0, 5)
        .map(
          (f) =>
            `${f.source}\nvariables: ${JSON.stringify(f.variables, (_k, v: unknown) => (typeof v === "string" && v.length > 200 ? `${v.slice(0, 40)}…(${v.length})` : v))}\n${f.errors.join("\n")}`,
        );
      expect(report).toEqual([]);
      expect([...rootsRun].sort()).toEqual(roots.map((r) => r.name).sort());
      // Every field of every type a query can reach was asked for under an alias at least once.
      expect(reachableFields(schema).filter((f) => !shapes.aliased.has(f))).toEqual([]);
    },
    TIMEOUT_MS * Math.max(1, COUNT / 2_000),
  );
});
