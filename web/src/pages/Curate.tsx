import { type FormEvent, useMemo, useState } from "react";
import { useMutation } from "urql";
import { ApiError } from "../components/Status";
import { type Highlight, HighlightedText } from "../components/Highlighted";
import { curatorToken } from "../client";
import { graphql } from "../gql";
import type { IngestDocumentMutation } from "../gql/graphql";
import { KIND_LABEL, label, MEASURE_LABEL, OBSERVATION_KIND_LABEL, QUALIFIER_LABEL, SKIP_LABEL } from "../labels";

const INGEST = graphql(`
  mutation IngestDocument($text: String!, $metadata: DocumentMetadataInput!, $dryRun: Boolean!) {
    ingestDocument(text: $text, metadata: $metadata, dryRun: $dryRun) {
      documentId
      status
      dryRun
      passages
      entities
      observations
      posts
      relations
      nearDuplicates
      subject
      subjectSource
      skippedNoSubject
      skippedNoPeriod
      skippedNoIndicator
      warnings
      preview {
        text
        truncated
        entities {
          id
          kind
          name
          method
          mentions {
            start
            end
            quote
          }
        }
        observations {
          id
          subject
          indicator
          kind
          measure
          period
          periodStart
          value
          valueMax
          unit
          qualifier
          citations {
            start
            end
            quote
          }
        }
        posts {
          id
          person
          title
          organization
          current
          citations {
            start
            end
            quote
          }
        }
        relations {
          type
          from
          to
        }
        skipped {
          reason
          start
          end
          quote
        }
      }
    }
  }
`);

type Result = IngestDocumentMutation["ingestDocument"];
type Preview = NonNullable<Result["preview"]>;

interface Form {
  id: string;
  title: string;
  publisher: string;
  publishedOn: string;
  reportYear: string;
  subject: string;
  text: string;
}

const EMPTY: Form = { id: "", title: "", publisher: "", publishedOn: "", reportYear: "", subject: "", text: "" };

const STATUS_LABEL: Readonly<Record<string, string>> = {
  CREATED: "新文档",
  UPDATED: "同一文本、新元数据：将重新读取",
  UNCHANGED: "已在图谱中，没有变化",
};

function metadataOf(form: Form) {
  const year = Number.parseInt(form.reportYear, 10);
  return {
    id: form.id.trim(),
    ...(form.title.trim() ? { title: form.title.trim() } : {}),
    ...(form.publisher.trim() ? { publisher: form.publisher.trim() } : {}),
    ...(form.publishedOn.trim() ? { publishedOn: form.publishedOn.trim() } : {}),
    ...(Number.isFinite(year) ? { reportYear: year } : {}),
    ...(form.subject.trim() ? { subject: form.subject.trim() } : {}),
  };
}

const markId = (start: number) => `span-${start}`;

function jumpTo(start: number) {
  document.getElementById(markId(start))?.scrollIntoView({ block: "center", behavior: "smooth" });
}

function SpanLink({ span }: { span: { start: number; end: number; quote: string } }) {
  return (
    <button type="button" className="curate-span" onClick={() => jumpTo(span.start)} title={`${span.start}–${span.end}`}>
      「{span.quote}」
    </button>
  );
}

function PreviewView({ preview }: { preview: Preview }) {
  const highlights = useMemo<Highlight[]>(
    () => [
      ...preview.observations.flatMap((o) =>
        o.citations.map((c) => ({ ...c, className: "curate-obs", id: markId(c.start), title: `${o.subject} · ${o.indicator} ${o.value}${o.unit}` })),
      ),
      ...preview.skipped.map((s) => ({ ...s, className: "curate-skipped", id: markId(s.start), title: label(SKIP_LABEL, s.reason) })),
      ...preview.posts.flatMap((p) => p.citations.map((c) => ({ ...c, className: "curate-post", id: markId(c.start), title: `${p.person} ${p.title}` }))),
    ],
    [preview],
  );
  const byKind = new Map<string, Preview["entities"]>();
  for (const e of preview.entities) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
  return (
    <div className="curate-preview">
      <section className="card curate-text" aria-label="原文">
        <h2>
          原文（高亮：<mark className="curate-obs">数据</mark> <mark className="curate-post">职务</mark> <mark className="curate-skipped">未收录的数字</mark>）
        </h2>
        <div className="curate-body">
          <HighlightedText text={preview.text} highlights={highlights} />
        </div>
      </section>
      <section className="card" aria-label="数据">
        <h2>数据 {preview.observations.length}</h2>
        <table className="curate-observations">
          <thead>
            <tr>
              <th>对象</th>
              <th>指标</th>
              <th>类型</th>
              <th>年份</th>
              <th>数值</th>
              <th>原文</th>
            </tr>
          </thead>
          <tbody>
            {preview.observations.map((o) => (
              <tr key={o.id}>
                <td>{o.subject}</td>
                <td>
                  {o.indicator} <span className="muted">{label(MEASURE_LABEL, o.measure)}</span>
                </td>
                <td>{label(OBSERVATION_KIND_LABEL, o.kind)}</td>
                <td>{o.periodStart ? `${o.periodStart}—${o.period}` : o.period}</td>
                <td className="curate-value">
                  {o.value}
                  {o.valueMax !== null && o.valueMax !== undefined ? `—${o.valueMax}` : ""}
                  {o.unit}
                  {label(QUALIFIER_LABEL, o.qualifier)}
                </td>
                <td>
                  {o.citations.map((c) => (
                    <SpanLink key={c.start} span={c} />
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-label="未收录">
        <h2>未收录的数字 {preview.skipped.length}</h2>
        <ul>
          {preview.skipped.map((s) => (
            <li key={s.start}>
              <SpanLink span={s} /> {label(SKIP_LABEL, s.reason)}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-label="职务">
        <h2>职务 {preview.posts.length}</h2>
        <ul>
          {preview.posts.map((p) => (
            <li key={p.id}>
              {p.person} · {p.organization} {p.title}
              {p.current ? "" : "（原）"} {p.citations[0] ? <SpanLink span={p.citations[0]} /> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-label="实体">
        <h2>实体 {preview.entities.length}</h2>
        {[...byKind].map(([kind, entities]) => (
          <p key={kind}>
            <span className="kind">{label(KIND_LABEL, kind)}</span>
            {entities.map((e) => e.name).join("、")}
          </p>
        ))}
        {preview.relations.length > 0 ? (
          <p className="muted">
            关系 {preview.relations.length}：{preview.relations.map((r) => `${r.from} → ${r.to}`).join("；")}
          </p>
        ) : null}
      </section>
      {preview.truncated ? <p className="muted">列表过长，只显示前 1000 项；上面的计数是全部。</p> : null}
    </div>
  );
}

function Summary({ result }: { result: Result }) {
  const skipped = result.skippedNoSubject + result.skippedNoPeriod + result.skippedNoIndicator;
  return (
    <div className={`card curate-summary ${result.dryRun ? "" : "curate-written"}`} role="status">
      <strong>{result.dryRun ? "预览（未写入）" : "已写入图谱"}</strong> {result.documentId}：{label(STATUS_LABEL, result.status)}
      <p>
        段落 {result.passages} · 实体 {result.entities} · 数据 {result.observations} · 职务 {result.posts} · 关系 {result.relations} · 近似重复{" "}
        {result.nearDuplicates} · 未收录的数字 {skipped}
      </p>
      <p className="muted">
        报告对象：{result.subject ?? "文中未说明"}
        {result.subjectSource ? `（${result.subjectSource}）` : ""}
      </p>
      {result.warnings.length > 0 ? <p className="muted">提示：{result.warnings.join("；")}</p> : null}
    </div>
  );
}

export function CuratePage() {
  const [token, setToken] = useState(curatorToken.get());
  const [form, setForm] = useState<Form>(EMPTY);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [state, run] = useMutation(INGEST);
  const key = JSON.stringify([form, token]);
  const field = (name: keyof Form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });
  const submit = async (dryRun: boolean) => {
    curatorToken.set(token.trim());
    const result = await run({ text: form.text, metadata: metadataOf(form), dryRun });
    if (dryRun && !result.error) setPreviewed(key);
    if (!dryRun && !result.error) setPreviewed(null);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(true);
  };
  const result = state.data?.ingestDocument;
  return (
    <div className="curate">
      <h1>导入报告</h1>
      <p className="muted">粘贴一篇报告的全文和元数据，先预览将抽取的内容（不写入），确认后再写入图谱。写入需要管理员令牌（CURATOR_TOKEN）。</p>
      <form onSubmit={onSubmit} className="card curate-form">
        <label>
          令牌 <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} name="token" />
        </label>
        <div className="curate-meta">
          <label>
            文档编号* <input required pattern="[A-Za-z0-9._\-]+" name="id" {...field("id")} placeholder="shibei-2024-report" />
          </label>
          <label>
            标题 <input name="title" {...field("title")} />
          </label>
          <label>
            发布单位 <input name="publisher" {...field("publisher")} />
          </label>
          <label>
            发布日期 <input name="publishedOn" {...field("publishedOn")} placeholder="2024-01-08" />
          </label>
          <label>
            报告年份 <input name="reportYear" inputMode="numeric" {...field("reportYear")} placeholder="2023" />
          </label>
          <label>
            报告对象 <input name="subject" {...field("subject")} placeholder="市北区 / 370203" />
          </label>
        </div>
        <label className="curate-textarea">
          全文* <textarea required name="text" rows={10} {...field("text")} />
        </label>
        <div className="curate-actions">
          <button type="submit" disabled={state.fetching}>
            预览（不写入）
          </button>
          <button type="button" className="primary" disabled={state.fetching || previewed !== key} onClick={() => void submit(false)} title="先预览，再写入">
            写入图谱
          </button>
          {state.fetching ? <span className="muted">处理中…</span> : null}
        </div>
      </form>
      {state.error ? <ApiError error={state.error} /> : null}
      {result ? <Summary result={result} /> : null}
      {result?.preview ? <PreviewView preview={result.preview} /> : null}
    </div>
  );
}
