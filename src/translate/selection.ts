import type { GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, type ResolveTree } from "graphql-parse-resolve-info";

/** One field the client asked for, with what it asked for beneath it. */
export interface FieldSelection {
  /** Alias or field name: the key in the response, and in the map Cypher returns. */
  key: string;
  field: string;
  args: Record<string, unknown>;
  /** Sub-selections per type name (an interface, a union member or a concrete type). */
  byType: Record<string, FieldSelection[]>;
}

function fromTree(tree: ResolveTree): FieldSelection {
  const byType: Record<string, FieldSelection[]> = {};
  for (const [typeName, fields] of Object.entries(tree.fieldsByTypeName)) {
    byType[typeName] = Object.values(fields).map(fromTree);
  }
  return { key: tree.alias, field: tree.name, args: tree.args as Record<string, unknown>, byType };
}

/** The root field's selection tree: the look-ahead that lets one query fetch everything below it. */
export function selectionOf(info: GraphQLResolveInfo): FieldSelection {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  if (!tree || !("fieldsByTypeName" in tree)) throw new Error(`cannot read the selection of ${info.fieldName}`);
  return fromTree(tree);
}

/**
 * Fields selected for a concrete type: those asked on the type itself and on every interface or
 * union it belongs to. The first selection of a key wins (GraphQL has already merged duplicates).
 */
export function fieldsFor(selection: FieldSelection, typeName: string, supertypes: readonly string[]): FieldSelection[] {
  const seen = new Map<string, FieldSelection>();
  for (const name of [...supertypes, typeName]) {
    for (const field of selection.byType[name] ?? []) {
      const previous = seen.get(field.key);
      // Two fragments may ask for sub-fields of the same key: take the union of their selections.
      if (previous) seen.set(field.key, { ...previous, byType: mergeByType(previous.byType, field.byType) });
      else seen.set(field.key, field);
    }
  }
  return [...seen.values()];
}

function mergeByType(a: Record<string, FieldSelection[]>, b: Record<string, FieldSelection[]>): Record<string, FieldSelection[]> {
  const out: Record<string, FieldSelection[]> = { ...a };
  for (const [type, fields] of Object.entries(b)) {
    const existing = out[type] ?? [];
    out[type] = [...existing, ...fields.filter((f) => !existing.some((e) => e.key === f.key))];
  }
  return out;
}
