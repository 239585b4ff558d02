import { useMemo } from "react";
import { Link } from "wouter";
import { routes } from "../../routes";
import { type CitationLike, CitationLink } from "../Citation";
import { KIND_LABEL } from "../../labels";
import { edgeData, KIND_COLORS, type KgGraph, nodeData, typeColor, typeLabel, typeRank } from "./model";

interface Props {
  graph: KgGraph;
  version: number;
  id: string | null;
  hiddenTypes: ReadonlySet<string>;
  pending: string | null;
  onExpand: (id: string) => void;
  onSelect: (id: string) => void;
}

interface Row {
  key: string;
  type: string;
  /** true: the selected node → other; false: other → the selected node. */
  out: boolean;
  other: string;
  otherLabel: string;
  citations: readonly CitationLike[];
}

const SHOWN_CITATIONS = 2;

/** The selected node: what it is, where to read more, and the sentences behind each of its drawn relationships. */
export function NodePanel({ graph, version, id, hiddenTypes, pending, onExpand, onSelect }: Props) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the graph's content
  const rows = useMemo(() => {
    if (!id || !graph.hasElementWithId(id)) return [];
    const list: Row[] = [];
    graph
      .getElementById(id)
      .connectedEdges()
      .forEach((edge) => {
        const { type, source, target, citations } = edgeData(edge);
        if (hiddenTypes.has(type)) return;
        const out = source === id;
        const other = out ? target : source;
        list.push({ key: edge.id(), type, out, other, otherLabel: nodeData(graph.getElementById(other)).label, citations });
      });
    return list.sort((a, b) => typeRank(a.type) - typeRank(b.type) || a.otherLabel.localeCompare(b.otherLabel, "zh-CN"));
  }, [graph, id, hiddenTypes, version]);

  if (!id || !graph.hasElementWithId(id)) {
    return (
      <aside className="graph-panel">
        <p className="muted">点击一个节点查看它的关系和出处。</p>
      </aside>
    );
  }
  const node = nodeData(graph.getElementById(id));
  return (
    <aside className="graph-panel" aria-label="节点详情">
      <h2>
        <span className="graph-swatch" style={{ background: KIND_COLORS[node.kind] }} />
        {node.label}
      </h2>
      <p>
        <span className="kind">{KIND_LABEL[node.kind] ?? node.kind}</span>
        {node.synthetic ? (
          <span className="muted">合成节点（压力测试），不是数据</span>
        ) : (
          <>
            <Link href={routes.entity(id)}>实体页</Link> · <Link href={routes.graph(id)}>以它为中心</Link>
          </>
        )}
      </p>
      {!node.synthetic && (
        <p className="muted">
          {node.expanded ? (
            `已展开：共 ${node.total} 条关系${node.total > 100 ? "，图中只画出前 100 条" : ""}`
          ) : (
            <button type="button" onClick={() => onExpand(id)} disabled={pending === id}>
              {pending === id ? "展开中…" : "展开关系"}
            </button>
          )}
        </p>
      )}
      <h3>图中的关系 {rows.length}</h3>
      <ul className="graph-relations">
        {rows.map((row) => (
          <li key={row.key}>
            <div className="graph-relation-head">
              <span className="graph-swatch-line" style={{ background: typeColor(row.type) }} />
              {row.out ? "→" : "←"} <span className="muted">{typeLabel(row.type)}</span>{" "}
              <button type="button" className="graph-link" onClick={() => onSelect(row.other)}>
                {row.otherLabel}
              </button>
            </div>
            {row.citations.length > 0 && (
              <ul className="graph-citations">
                {row.citations.slice(0, SHOWN_CITATIONS).map((c) => (
                  <li key={`${c.document.id}:${c.start}:${c.end}`}>
                    <CitationLink citation={c} />
                  </li>
                ))}
              </ul>
            )}
            {row.citations.length > SHOWN_CITATIONS && (
              <details>
                <summary className="muted">另外 {row.citations.length - SHOWN_CITATIONS} 处出处</summary>
                <ul className="graph-citations">
                  {row.citations.slice(SHOWN_CITATIONS).map((c) => (
                    <li key={`${c.document.id}:${c.start}:${c.end}`}>
                      <CitationLink citation={c} />
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
