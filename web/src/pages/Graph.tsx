import { useQuery } from "urql";
import { Link, useSearch } from "wouter";
import { GraphExplorer } from "../components/graph/GraphExplorer";
import { ApiError, Loading, NotFound } from "../components/Status";
import { graphql } from "../gql";
import { KIND_LABEL } from "../labels";
import { routes } from "../routes";

const GraphPageQuery = graphql(`
  query GraphPage($id: ID!) {
    node(id: $id) {
      __typename
      id
      ...GraphNeighbourhood
    }
  }
`);

/** `?stress=N` is a test mode (not linked from anywhere): pads the graph with synthetic nodes up to N to measure drawing. */
function stressCount(search: string): number {
  const n = Number(new URLSearchParams(search).get("stress") ?? 0);
  return Number.isFinite(n) ? Math.min(Math.max(0, Math.floor(n)), 20_000) : 0;
}

/** An entity's neighbourhood as a graph (`/graph/<id>`): loaded lazily, with Cytoscape, by the router. */
export default function GraphPage({ id }: { id: string }) {
  const stress = stressCount(useSearch());
  const [{ data, fetching, error }] = useQuery({ query: GraphPageQuery, variables: { id } });
  if (fetching && !data) return <Loading />;
  if (error) return <ApiError error={error} />;
  const node = data?.node;
  if (!node || !("relations" in node)) return <NotFound what="实体" />;
  return (
    <section className="graph-page">
      <header className="graph-head">
        <h1>
          {node.name} <span className="kind">{KIND_LABEL[node.kind] ?? node.kind}</span>
          <span className="graph-subtitle">关系图</span>
        </h1>
        <p className="muted">
          共 {node.relations.totalCount} 条关系{node.relations.totalCount > 100 ? "，先画出前 100 条" : ""}。{" "}
          <Link href={routes.entity(node.id)}>返回实体页</Link>
        </p>
      </header>
      <GraphExplorer key={`${node.id}:${stress}`} root={node} stress={stress} />
    </section>
  );
}
