import { useEffect, useRef, useState } from "react";
import { type CombinedError, useClient, useQuery } from "urql";
import { Link, useLocation, useSearch } from "wouter";
import { Highlight } from "../components/entity/Highlight";
import { KindBadge } from "../components/entity/KindBadge";
import { isEntityKind, KIND_LABEL, KINDS } from "../labels";
import { ApiError, Loading } from "../components/Status";
import { graphql } from "../gql";
import type { EntityKind, SearchQuery } from "../gql/graphql";
import { routes } from "../routes";

const SearchQueryDoc = graphql(`
  query Search($query: String!, $kinds: [EntityKind!], $first: Int, $after: String) {
    search(query: $query, kinds: $kinds, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          __typename
          ... on Entity {
            id
            name
            kind
            path
            aliases
          }
          ... on Passage {
            id
            text
            start
            end
            section
            document {
              id
              title
              publishedOn
            }
          }
        }
      }
    }
  }
`);

type Edge = SearchQuery["search"]["edges"][number];

const PAGE = 20;
const DEBOUNCE_MS = 200;
const EXAMPLES = ["邮轮母港", "市北区", "地区生产总值", "李沧区"];

function readParams(search: string): { q: string; kinds: EntityKind[] } {
  // wouter hands the search string through decodeURI already; URLSearchParams decodes what is left.
  const params = new URLSearchParams(search);
  const kinds = (params.get("kinds") ?? "").split(",").filter(isEntityKind);
  return { q: (params.get("q") ?? "").trim(), kinds };
}

export function SearchPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const { q, kinds } = readParams(search);
  const kindsKey = kinds.join(",");
  const [text, setText] = useState(q);
  // The query this page last wrote to the URL: a URL change that differs came from outside (a link, Back).
  const pushed = useRef(q);

  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [q]);

  useEffect(() => {
    const next = text.trim();
    if (next === pushed.current) return;
    const timer = setTimeout(() => {
      pushed.current = next;
      const current = kindsKey ? kindsKey.split(",") : [];
      navigate(next || current.length > 0 ? routes.search(next, current) : routes.home(), { replace: true });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, kindsKey, navigate]);

  const toggleKind = (kind: EntityKind) => {
    const next = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : KINDS.filter((k) => k === kind || kinds.includes(k));
    const query = text.trim();
    pushed.current = query;
    navigate(query || next.length > 0 ? routes.search(query, next) : routes.home(), { replace: true });
  };

  return (
    <div className="search">
      <search className="search-box">
        <form onSubmit={(e) => e.preventDefault()}>
          <input
            type="search"
            name="q"
            aria-label="搜索"
            placeholder="搜索地名、片区、项目、指标或原文，如 邮轮母港"
            value={text}
            onChange={(e) => setText(e.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the search box is the whole point of this page
            autoFocus
            autoComplete="off"
          />
        </form>
      </search>
      <fieldset className="search-kinds">
        <legend className="muted">只看实体类型：</legend>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`search-chip${kinds.includes(kind) ? " search-chip-on" : ""}`}
            aria-pressed={kinds.includes(kind)}
            onClick={() => toggleKind(kind)}
          >
            {KIND_LABEL[kind]}
          </button>
        ))}
      </fieldset>
      {q ? <SearchResults key={`${q}|${kinds.join(",")}`} q={q} kinds={kinds} /> : <SearchIntro />}
    </div>
  );
}

function SearchIntro() {
  return (
    <section className="search-intro card">
      <h1>青岛市区县政府工作报告知识图谱</h1>
      <p>
        在报告原文和其中识别出的实体（地区、片区、项目、机构、人物、指标……）中搜索，中文词语和单个汉字都可以。
        每个数字和关系都附有出处，点开即可看到原文中的那一句话。
      </p>
      <p>
        试试：
        {EXAMPLES.map((example) => (
          <Link key={example} href={routes.search(example)} className="search-example">
            {example}
          </Link>
        ))}
      </p>
    </section>
  );
}

function SearchResults({ q, kinds }: { q: string; kinds: EntityKind[] }) {
  const variables = { query: q, kinds: kinds.length > 0 ? kinds : null, first: PAGE };
  const [result] = useQuery({ query: SearchQueryDoc, variables });
  const client = useClient();
  const [more, setMore] = useState<{ edges: Edge[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<CombinedError | null>(null);

  if (result.error) return <ApiError error={result.error} />;
  if (!result.data) return <Loading />;
  const page = result.data.search;
  const edges = [...page.edges, ...(more?.edges ?? [])];
  const hasNextPage = more ? more.hasNextPage : page.pageInfo.hasNextPage;
  const endCursor = more ? more.endCursor : page.pageInfo.endCursor;

  const loadMore = async () => {
    setLoadingMore(true);
    const next = await client.query(SearchQueryDoc, { ...variables, after: endCursor }).toPromise();
    setLoadingMore(false);
    if (next.error) return setMoreError(next.error);
    if (!next.data) return;
    const got = next.data.search;
    setMore((prev) => ({ edges: [...(prev?.edges ?? []), ...got.edges], endCursor: got.pageInfo.endCursor ?? null, hasNextPage: got.pageInfo.hasNextPage }));
  };

  return (
    <section className="search-results" aria-busy={result.stale}>
      <p className="search-count muted">
        找到 <strong>{page.totalCount}</strong> 条结果{kinds.length > 0 ? `（仅${kinds.map((k) => KIND_LABEL[k]).join("、")}）` : "（实体与原文句子）"}
      </p>
      {edges.length === 0 ? (
        <p className="muted">没有找到“{q}”。换个说法，或去掉类型筛选再试。</p>
      ) : (
        <ol className="search-list">
          {edges.map((edge) => (
            <SearchHit key={edge.cursor} edge={edge} q={q} />
          ))}
        </ol>
      )}
      {moreError && <ApiError error={moreError} />}
      {hasNextPage && (
        <button type="button" className="search-more" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? "加载中…" : `更多（已显示 ${edges.length} / ${page.totalCount}）`}
        </button>
      )}
    </section>
  );
}

function SearchHit({ edge, q }: { edge: Edge; q: string }) {
  const hit = edge.node;
  if (hit.__typename === "Passage") {
    const href = routes.source({ document: hit.document.id, start: hit.start, end: hit.end, passage: hit.id });
    return (
      <li className="search-hit search-hit-passage">
        <span className="kind">原文</span>
        <Link href={href} className="search-sentence">
          <Highlight text={hit.text} query={q} />
        </Link>
        <div className="search-meta muted">
          {hit.document.title ?? hit.document.id}
          {hit.section ? ` · ${hit.section}` : ""}
          {hit.document.publishedOn ? ` · ${hit.document.publishedOn}` : ""}
        </div>
      </li>
    );
  }
  return (
    <li className="search-hit search-hit-entity">
      <KindBadge kind={hit.kind} />
      <Link href={routes.entity(hit.id)} className="search-name">
        <Highlight text={hit.name} query={q} byChar={false} />
      </Link>
      {(hit.path || hit.aliases.length > 0) && (
        <div className="search-meta muted">
          {hit.path && <span className="search-path">{hit.path.split("/").join(" › ")}</span>}
          {hit.path && hit.aliases.length > 0 && " · "}
          {hit.aliases.length > 0 && (
            <span>
              又称 <Highlight text={hit.aliases.join("、")} query={q} byChar={false} />
            </span>
          )}
        </div>
      )}
    </li>
  );
}
