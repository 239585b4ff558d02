import {
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  GraphQLSkipDirective,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from "graphql";

/** One field the client asked for, with what it asked for beneath it. */
export interface FieldSelection {
  /** Alias or field name: the key in the response, and in the map Cypher returns. */
  key: string;
  field: string;
  args: Readonly<Record<string, unknown>>;
  /** Sub-selections per type name (an interface, a union member or a concrete type); a key may repeat (fragments), `fieldsFor` merges. */
  byType: ReadonlyMap<string, readonly FieldSelection[]>;
}

interface ReadContext {
  schema: GraphQLSchema;
  fragments: GraphQLResolveInfo["fragments"];
  variables: GraphQLResolveInfo["variableValues"];
}

/** @skip and @include, as graphql-js applies them. */
function included(ctx: ReadContext, node: { directives?: FieldNode["directives"] }): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, ctx.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, ctx.variables)?.if !== false;
}

/** The narrower of the enclosing type and a fragment's type condition (an object type wins over an interface or union). */
function narrowed(ctx: ReadContext, current: GraphQLNamedType, condition: string | undefined): GraphQLNamedType {
  const type = condition === undefined ? undefined : ctx.schema.getType(condition);
  if (!type || type === current) return current;
  return isObjectType(current) && !isObjectType(type) ? current : type;
}

function fieldDefinition(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (!isObjectType(type) && !isInterfaceType(type)) return undefined;
  const fields = type.getFields();
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}

/** Adds the fields of `set`, read as selections on `type`, to `out` (fragments flattened under their type condition). */
function collect(ctx: ReadContext, set: SelectionSetNode, type: GraphQLNamedType, out: Map<string, FieldSelection[]>, visited: ReadonlySet<string>): void {
  for (const node of set.selections) {
    if (!included(ctx, node)) continue;
    if (node.kind === Kind.FIELD) {
      const list = out.get(type.name) ?? [];
      list.push(readField(ctx, node, type));
      out.set(type.name, list);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      collect(ctx, node.selectionSet, narrowed(ctx, type, node.typeCondition?.name.value), out, visited);
    } else {
      const name = node.name.value;
      // Validation forbids fragment cycles; the guard keeps an unvalidated document from looping.
      const fragment: FragmentDefinitionNode | undefined = Object.hasOwn(ctx.fragments, name) ? ctx.fragments[name] : undefined;
      if (!fragment || visited.has(name)) continue;
      collect(ctx, fragment.selectionSet, narrowed(ctx, type, fragment.typeCondition.name.value), out, new Set([...visited, name]));
    }
  }
}

function readField(ctx: ReadContext, node: FieldNode, parent: GraphQLNamedType): FieldSelection {
  const definition = fieldDefinition(parent, node.name.value);
  const byType = new Map<string, FieldSelection[]>();
  if (definition && node.selectionSet) collect(ctx, node.selectionSet, getNamedType(definition.type), byType, new Set());
  return {
    key: node.alias?.value ?? node.name.value,
    field: node.name.value,
    args: definition ? getArgumentValues(definition, node, ctx.variables) : {},
    byType,
  };
}

/**
 * The root field's selection tree: the look-ahead that lets one query fetch everything below it.
 * Read straight from the operation's AST: response keys are the client's, so every map here is a Map.
 */
export function selectionOf(info: GraphQLResolveInfo): FieldSelection {
  const ctx: ReadContext = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  const definition = fieldDefinition(info.parentType, info.fieldName);
  const [first] = info.fieldNodes;
  if (!definition || !first) throw new Error(`cannot read the selection of ${info.parentType.name}.${info.fieldName}`);
  const byType = new Map<string, FieldSelection[]>();
  // A root asked twice under one key (`{ a: entity(…) { x } a: entity(…) { y } }`) has one resolver call for all its nodes.
  for (const node of info.fieldNodes) if (node.selectionSet) collect(ctx, node.selectionSet, getNamedType(definition.type), byType, new Set());
  return { key: first.alias?.value ?? first.name.value, field: info.fieldName, args: getArgumentValues(definition, first, ctx.variables), byType };
}

/**
 * Fields selected for a concrete type: those asked on the type itself and on every interface or
 * union it belongs to. A key asked several times (fragments) is one field whose sub-selections are
 * all of theirs; validation has made sure they agree on field and arguments.
 */
export function fieldsFor(selection: FieldSelection, typeName: string, supertypes: readonly string[]): FieldSelection[] {
  const seen = new Map<string, FieldSelection>();
  for (const name of [...supertypes, typeName]) {
    for (const field of selection.byType.get(name) ?? []) {
      const previous = seen.get(field.key);
      seen.set(field.key, previous ? { ...previous, byType: mergeByType(previous.byType, field.byType) } : field);
    }
  }
  return [...seen.values()];
}

function mergeByType(a: ReadonlyMap<string, readonly FieldSelection[]>, b: ReadonlyMap<string, readonly FieldSelection[]>): Map<string, FieldSelection[]> {
  const out = new Map<string, FieldSelection[]>([...a].map(([type, fields]) => [type, [...fields]]));
  for (const [type, fields] of b) out.set(type, [...(out.get(type) ?? []), ...fields]);
  return out;
}

/** Signatures already written: an abstract type's projection asks once per member type for the same selection. */
const signatures = new WeakMap<FieldSelection, string>();

/** A stable text of a selection (field, arguments, sub-selections): two equal texts compile to the same Cypher. */
export function signature(selection: FieldSelection): string {
  const known = signatures.get(selection);
  if (known !== undefined) return known;
  const byType = [...selection.byType].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([type, fields]) => [type, fields.map(signature)]);
  const text = JSON.stringify([selection.key, selection.field, selection.args, byType]);
  signatures.set(selection, text);
  return text;
}
