// One call to the CJK full-text index and to the keyword alias index, for an alias and for a name that is none.
const mk = (name) => ({ p0: name, p1: `"${name}"` });
const vs = [];
for (const name of ["云青", "海青智慧产业园"]) {
  const params = mk(name);
  vs.push({
    name: `cjk ${name}`,
    cypher: `RETURN COLLECT { CALL db.index.fulltext.queryNodes('entity_search', $p1) YIELD node WHERE $p0 IN node.aliases RETURN node.id AS id } AS ids`,
    params,
  });
  vs.push({
    name: `kw ${name}`,
    cypher: `RETURN COLLECT { CALL db.index.fulltext.queryNodes('entity_alias', $p1) YIELD node WHERE $p0 IN node.aliases RETURN node.id AS id } AS ids`,
    params,
  });
  vs.push({ name: `none ${name}`, cypher: `RETURN COLLECT { MATCH (e:Entity {name: $p0}) RETURN e.id AS id } AS ids`, params });
}
export default vs;
