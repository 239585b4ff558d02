/** A Cypher statement with its parameters: the only shape in which Cypher leaves a translator. */
export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}

export function cypher(text: string, params: Record<string, unknown> = {}): CypherQuery {
  return { cypher: text, params };
}
