import { useEffect, useMemo } from "react";
import { useQuery } from "urql";
import { Link, useSearch } from "wouter";
import { CitationCard } from "../components/source/CitationCard";
import { Conflicts } from "../components/source/Conflicts";
import { CopyLink } from "../components/source/CopyLink";
import { type Anchor, checkRange, DocumentText, type Highlight, type Range, tableOfContents } from "../components/source/DocumentText";
import { FactSummary, KindBadge } from "../components/source/FactSummary";
import { formatValue } from "../format";
import { NearDuplicates } from "../components/source/NearDuplicates";
import { ApiError, Loading, NotFound } from "../components/Status";
import { graphql } from "../gql";
import type { SourceFactFragment, SourceViewQuery } from "../gql/graphql";
import { routes } from "../routes";

const SourceView = graphql(`
  query SourceView($id: ID!, $passage: ID!, $fact: ID!, $hasPassage: Boolean!, $hasFact: Boolean!) {
    doc: node(id: $id) {
      __typename
      id
      ... on Document {
        title
        publisher
        publishedOn
        dateNote
        reportYear
        page
        issue
        sourceFile
        length
        text
        subject {
          id
          name
        }
        articles {
          id
          index
          headline
          kind
          start
          end
        }
        duplicates {
          id
          title
        }
      }
    }
    passage: node(id: $passage) @include(if: $hasPassage) {
      __typename
      id
      ... on Passage {
        start
        end
        section
        document {
          id
        }
        nearDuplicates {
          similarity
          passage {
            id
            text
            start
            end
            document {
              id
              title
            }
          }
        }
      }
    }
    fact: node(id: $fact) @include(if: $hasFact) {
      __typename
      id
      ...SourceFact
    }
  }
`);

type Doc = Extract<NonNullable<SourceViewQuery["doc"]>, { __typename: "Document" }>;
type PassageNode = Extract<NonNullable<SourceViewQuery["passage"]>, { __typename: "Passage" }>;

/** `/doc/:id?start&end&passage&fact`: the whole document with the cited characters marked, and what corroborates them. */
export function SourcePage({ id }: { id: string }) {
  const params = new URLSearchParams(useSearch());
  const passageId = params.get("passage") ?? "";
  const factId = params.get("fact") ?? "";
  const [{ data, fetching, error }] = useQuery({
    query: SourceView,
    variables: { id, passage: passageId, fact: factId, hasPassage: passageId !== "", hasFact: factId !== "" },
  });
  // While a new link loads, urql still holds the previous result: never mark new offsets in the old text.
  const stale = data?.doc?.id !== id || (passageId !== "" && data?.passage?.id !== passageId) || (factId !== "" && data?.fact?.id !== factId);
  if (fetching && stale) return <Loading />;
  if (error && !data?.doc) return <ApiError error={error} />;
  const doc = data?.doc;
  if (doc?.__typename !== "Document") return <NotFound what="这份文档" />;
  const passage = data?.passage?.__typename === "Passage" ? data.passage : null;
  const fact = data?.fact?.__typename === "Observation" ? data.fact : null;
  return (
    <SourceDocument
      doc={doc}
      startParam={params.get("start")}
      endParam={params.get("end")}
      passageId={passageId}
      passage={passage}
      factId={factId}
      fact={fact}
    />
  );
}

interface ViewProps {
  doc: Doc;
  startParam: string | null;
  endParam: string | null;
  passageId: string;
  passage: PassageNode | null;
  factId: string;
  fact: SourceFactFragment | null;
}

function SourceDocument({ doc, startParam, endParam, passageId, passage, factId, fact }: ViewProps) {
  const { range, problem } = checkRange(startParam, endParam, doc.text.length);
  const toc = useMemo(() => tableOfContents(doc.text, doc.articles), [doc.text, doc.articles]);
  const anchors = useMemo<Anchor[]>(() => toc.map((e) => ({ offset: e.offset, id: e.id })), [toc]);
  const citeStart = range?.start ?? -1;
  const citeEnd = range?.end ?? -1;
  const cite = useMemo<Range | null>(() => (citeStart >= 0 ? { start: citeStart, end: citeEnd } : null), [citeStart, citeEnd]);
  const highlights = useMemo(() => highlightsFor(doc, toc, passage, fact, cite), [doc, toc, passage, fact, cite]);
  const citeKey = cite ? `${doc.id}:${cite.start}:${cite.end}` : "";
  useEffect(() => {
    if (citeKey) document.getElementById("cite")?.scrollIntoView({ block: "center" });
  }, [citeKey]);
  const currentArticle = cite ? doc.articles.find((a) => a.start <= cite.start && cite.start < a.end) : undefined;
  const quote = cite ? doc.text.slice(cite.start, cite.end) : null;
  const isCurrent = (c: { document: { id: string }; start: number; end: number }) => c.document.id === doc.id && c.start === cite?.start && c.end === cite?.end;

  return (
    <div className="source-page">
      <header className="source-head">
        <h1>{doc.title ?? doc.id}</h1>
        <p className="source-meta muted">
          {doc.subject ? (
            <>
              关于 <Link href={routes.entity(doc.subject.id)}>{doc.subject.name}</Link> ·{" "}
            </>
          ) : null}
          {doc.publisher ? `${doc.publisher} · ` : ""}
          {doc.publishedOn ? `发布于 ${doc.publishedOn}` : "发布日期不详"}
          {doc.reportYear ? ` · 报告年度 ${doc.reportYear}` : ""}
          {doc.page ? ` · 版面「${doc.page}」` : ""}
          {doc.issue ? ` · ${doc.issue}` : ""} · {doc.length} 字 · <code className="code">{doc.sourceFile}</code>
        </p>
        {doc.dateNote ? <p className="muted source-meta">{doc.dateNote}</p> : null}
      </header>
      {problem ? (
        <div className="source-notice" role="alert">
          ⚠ {problem} 下面显示全文，不作标注。
        </div>
      ) : null}
      {passageId && !passage ? <div className="source-notice">找不到段落「{passageId}」，无法列出近似段落。</div> : null}
      {factId && !fact ? <div className="source-notice">找不到事实「{factId}」。</div> : null}
      <div className="source-layout">
        <nav className="source-toc" aria-label="目录">
          <h2>目录</h2>
          <ol>
            {toc.map((e) => (
              <li key={e.id} className={`source-toc-${e.level}${currentArticle && e.id === `article-${currentArticle.index}` ? " source-toc-current" : ""}`}>
                <a
                  href={`#${e.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(e.id)?.scrollIntoView({ block: "start", behavior: "smooth" });
                  }}
                >
                  {e.label}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <article className="source-body" lang="zh-CN">
          <DocumentText text={doc.text} cite={cite} highlights={highlights} anchors={anchors} />
        </article>
        <aside className="source-panel" aria-label="引文与佐证">
          <section className="source-box">
            <h2>引文</h2>
            {quote !== null && cite ? (
              <>
                <blockquote className="source-quote-big">「{quote}」</blockquote>
                <p className="muted source-small">
                  第 {cite.start}–{cite.end} 字（共 {doc.length} 字）
                  {currentArticle?.headline ? ` · 见于「${currentArticle.headline}」` : ""}
                </p>
                <p className="source-actions">
                  <button type="button" onClick={() => document.getElementById("cite")?.scrollIntoView({ block: "center", behavior: "smooth" })}>
                    跳到引文
                  </button>
                  <CopyLink />
                </p>
              </>
            ) : (
              <p className="source-actions">
                <span className="muted">{problem ? "链接中的引文位置无效。" : "链接未指定引文位置。"}</span>
                <CopyLink />
              </p>
            )}
          </section>
          {fact ? (
            <section className="source-box source-fact-box">
              <h2>
                事实 <KindBadge kind={fact.kind} />
                <Link href={routes.observation(fact.id)} className="source-more">
                  详情 →
                </Link>
              </h2>
              <p className="source-fact-headline">
                {fact.subject.name} · {fact.indicator.name}：<strong>{formatValue(fact)}</strong>
              </p>
              <FactSummary fact={fact} />
              <h3 className="source-cite-count">共 {fact.citations.length} 处引用</h3>
              <div className="source-cards">
                {fact.citations.map((c) => (
                  <CitationCard key={`${c.document.id}:${c.start}:${c.end}`} citation={c} fact={fact.id} current={isCurrent(c)} />
                ))}
              </div>
              <Conflicts fact={fact} />
            </section>
          ) : null}
          {passage ? (
            <section className="source-box">
              <h2>近似段落（{passage.nearDuplicates.length}）</h2>
              <p className="muted source-small">说法几乎相同的句子（MinHash 相似度）{passage.section ? `；本句位于「${passage.section}」` : ""}：</p>
              <NearDuplicates items={passage.nearDuplicates} documentId={doc.id} />
            </section>
          ) : doc.duplicates.length > 0 ? (
            <section className="source-box">
              <h2>内容相近的文档（{doc.duplicates.length}）</h2>
              <ul className="source-doclist">
                {doc.duplicates.map((d) => (
                  <li key={d.id}>
                    <Link href={routes.source({ document: d.id })}>{d.title ?? d.id}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

/** Headings, the cited sentence, and the fact's other citations (and its rivals') that fall in this document. */
function highlightsFor(
  doc: Doc,
  toc: ReturnType<typeof tableOfContents>,
  passage: PassageNode | null,
  fact: SourceFactFragment | null,
  cite: Range | null,
): Highlight[] {
  const out: Highlight[] = toc.map((e) => ({ start: e.offset, end: e.end, className: e.level === 1 ? "source-h1" : "source-h2" }));
  if (passage && passage.document.id === doc.id) out.push({ start: passage.start, end: passage.end, className: "source-passage", title: "引文所在的句子" });
  const inDoc = (c: { document: { id: string }; start: number; end: number }) =>
    c.document.id === doc.id && c.end <= doc.text.length && !(cite && c.start === cite.start && c.end === cite.end);
  if (fact) {
    for (const c of fact.citations.filter(inDoc)) out.push({ start: c.start, end: c.end, className: "source-also", title: "该事实在本文的另一处引文" });
    for (const other of fact.conflictsWith)
      for (const c of other.citations.filter(inDoc))
        out.push({ start: c.start, end: c.end, className: "source-rival", title: `冲突的数值：${formatValue(other)}` });
  }
  return out;
}
