import type { ApolloServerPlugin } from "@apollo/server";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { BREAK, type DocumentNode, GraphQLError, type GraphQLSchema, Kind, type ValueNode, validate, visit } from "graphql";
import { ClientErrorCode } from "../errors/client-errors.js";

const PAGE_SIZE_ARGUMENTS: ReadonlySet<string> = new Set(["first", "last"]);

/** Per parsed document (Apollo keeps one object per query text): whether any page size is a variable. */
const hasVariablePageSize = new WeakMap<DocumentNode, boolean>();

function variablePageSizes(document: DocumentNode): boolean {
  let found = hasVariablePageSize.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Argument(node) {
        if (!PAGE_SIZE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
        found = true;
        return BREAK;
      },
    });
    hasVariablePageSize.set(document, found);
  }
  return found;
}

/**
 * The document with every page size given by a variable written in as its value, or undefined when
 * none is: the armor's cost rule runs at validation, before variables exist, and counts `first: $n`
 * as a page of one.
 */
export function inlinePageSizes(document: DocumentNode, variables: Readonly<Record<string, unknown>>): DocumentNode | undefined {
  if (!variablePageSizes(document)) return undefined;
  let changed = false;
  const inlined = visit(document, {
    Argument(node) {
      if (!PAGE_SIZE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
      const value = Object.hasOwn(variables, node.value.name.value) ? variables[node.value.name.value] : undefined;
      if (typeof value !== "number" || !Number.isInteger(value)) return undefined;
      changed = true;
      const literal: ValueNode = { kind: Kind.INT, value: String(value) };
      return { ...node, value: literal };
    },
  });
  return changed ? inlined : undefined;
}

/** The cost limit again once the variables are known, with the same rule and limit as validation. */
export function variableCostPlugin<T extends object>(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const inlined = inlinePageSizes(document, request.variables ?? {});
          if (!inlined) return;
          let rejected: GraphQLError | undefined;
          const rule = costLimitRule({
            maxCost,
            exposeLimits: true,
            propagateOnRejection: false,
            onReject: [
              (_context, error) => {
                rejected = error;
              },
            ],
          });
          validate(schema, inlined, [rule]);
          if (!rejected) return;
          throw new GraphQLError(rejected.message.replace(/^Syntax Error: /u, ""), {
            extensions: { code: ClientErrorCode.QUERY_TOO_COSTLY, http: { status: 400 } },
          });
        },
      };
    },
  };
}
