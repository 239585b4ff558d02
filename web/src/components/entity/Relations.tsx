import { useState } from "react";
import { type CombinedError, useClient } from "urql";
import { Link } from "wouter";
import { graphql } from "../../gql";
import type { RelationPageFragment } from "../../gql/graphql";
import { routes } from "../../routes";
import { LoadMore } from "../Status";
import { Citations } from "../Citations";
import { KindBadge } from "./KindBadge";
import { directionLabel, RELATION_LABEL, type RelationType } from "../../labels";

export const RELATIONS_FIRST = 10;

const RelationsMore = graphql(`
  query EntityRelationsMore($id: ID!, $type: String!, $first: Int!, $after: String) {
    node(id: $id) {
      id
      ... on Entity {
        relations(types: [$type], first: $first, after: $after) {
          ...RelationPage
        }
      }
    }
  }
`);

type Edge = RelationPageFragment["edges"][number];

export interface RelationGroupData {
  type: RelationType;
  page: RelationPageFragment;
}

export function RelationGroups({ entityId, groups }: { entityId: string; groups: RelationGroupData[] }) {
  const shown = groups.filter((g) => g.page.totalCount > 0);
  const total = shown.reduce((n, g) => n + g.page.totalCount, 0);
  return (
    <section className="card entity-relations" aria-labelledby="entity-relations-h">
      <h2 id="entity-relations-h">
        关系 <span className="muted">{total}</span>
      </h2>
      {shown.length === 0 ? (
        <p className="muted">文本中没有陈述它与其他实体的关系。</p>
      ) : (
        <nav className="entity-toc" aria-label="关系类型">
          {shown.map((g) => (
            <a key={g.type} href={`#rel-${g.type}`}>
              {RELATION_LABEL[g.type]} {g.page.totalCount}
            </a>
          ))}
        </nav>
      )}
      {shown.map((g) => (
        <RelationGroup key={g.type} entityId={entityId} type={g.type} page={g.page} />
      ))}
    </section>
  );
}

function RelationGroup({ entityId, type, page }: { entityId: string; type: RelationType; page: RelationPageFragment }) {
  const client = useClient();
  const [more, setMore] = useState<{ edges: Edge[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const edges = [...page.edges, ...(more?.edges ?? [])];
  const hasNextPage = more ? more.hasNextPage : page.pageInfo.hasNextPage;
  const after = more ? more.endCursor : page.pageInfo.endCursor;

  const loadMore = async () => {
    setBusy(true);
    const result = await client.query(RelationsMore, { id: entityId, type, first: RELATIONS_FIRST, after }).toPromise();
    setBusy(false);
    setError(result.error ?? null);
    const node = result.data?.node;
    if (!node || !("relations" in node)) return;
    const got = node.relations;
    setMore((prev) => ({ edges: [...(prev?.edges ?? []), ...got.edges], endCursor: got.pageInfo.endCursor ?? null, hasNextPage: got.pageInfo.hasNextPage }));
  };

  return (
    <div className="entity-rel-group" id={`rel-${type}`}>
      <h3>
        {RELATION_LABEL[type]} <code className="code">{type}</code> <span className="muted">共 {page.totalCount} 条</span>
      </h3>
      <table className="entity-rel-table">
        <tbody>
          {edges.map((edge) => (
            <tr key={`${edge.direction}:${edge.node.id}`}>
              <td className="entity-rel-dir" title={edge.direction === "OUT" ? "本实体 → 对方" : "对方 → 本实体"}>
                {directionLabel(edge.type, edge.direction)}
              </td>
              <td className="entity-rel-node">
                <KindBadge kind={edge.node.kind} />
                <Link href={routes.entity(edge.node.id)}>{edge.node.name}</Link>
              </td>
              <td className="entity-rel-cites">
                <Citations citations={edge.citations} prefer={edge.node.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore shown={edges.length} total={page.totalCount} hasNextPage={hasNextPage} busy={busy} error={error} onMore={loadMore} />
    </div>
  );
}
