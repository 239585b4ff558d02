import { useState } from "react";
import { type CombinedError, useClient } from "urql";
import { graphql } from "../../gql";
import type { MentionPageFragment } from "../../gql/graphql";
import { CitationLink } from "../Citation";
import { LoadMore } from "../Status";

export const MENTIONS_FIRST = 10;

const MentionsMore = graphql(`
  query EntityMentionsMore($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      id
      ... on Entity {
        mentions(first: $first, after: $after) {
          ...MentionPage
        }
      }
    }
  }
`);

type Edge = MentionPageFragment["edges"][number];

/** The sentence around a mention, the mention marked: what a bare name cannot say. */
function MentionContext({ mention }: { mention: Edge["node"] }) {
  const { passage } = mention;
  const at = mention.start - passage.start;
  if (passage.text === mention.quote || at < 0 || passage.text.slice(at, at + mention.quote.length) !== mention.quote) return null;
  return (
    <div className="entity-mention-context muted">
      {passage.text.slice(0, at)}
      <mark>{mention.quote}</mark>
      {passage.text.slice(at + mention.quote.length)}
    </div>
  );
}

export function Mentions({ entityId, page }: { entityId: string; page: MentionPageFragment }) {
  const client = useClient();
  const [more, setMore] = useState<{ edges: Edge[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const edges = [...page.edges, ...(more?.edges ?? [])];
  const hasNextPage = more ? more.hasNextPage : page.pageInfo.hasNextPage;
  const after = more ? more.endCursor : page.pageInfo.endCursor;

  const loadMore = async () => {
    setBusy(true);
    const result = await client.query(MentionsMore, { id: entityId, first: MENTIONS_FIRST * 2, after }).toPromise();
    setBusy(false);
    setError(result.error ?? null);
    const node = result.data?.node;
    if (!node || !("mentions" in node)) return;
    const got = node.mentions;
    setMore((prev) => ({ edges: [...(prev?.edges ?? []), ...got.edges], endCursor: got.pageInfo.endCursor ?? null, hasNextPage: got.pageInfo.hasNextPage }));
  };

  return (
    <section className="card entity-mentions" aria-labelledby="entity-mentions-h">
      <h2 id="entity-mentions-h">
        提及 <span className="muted">{page.totalCount}</span>
      </h2>
      {edges.length === 0 ? (
        <p className="muted">原文中没有找到它的名称。</p>
      ) : (
        <ol className="entity-mention-list">
          {edges.map((edge) => (
            <li key={edge.cursor}>
              <CitationLink citation={edge.node} />
              <MentionContext mention={edge.node} />
            </li>
          ))}
        </ol>
      )}
      <LoadMore shown={edges.length} total={page.totalCount} hasNextPage={hasNextPage} busy={busy} error={error} onMore={loadMore} />
    </section>
  );
}
