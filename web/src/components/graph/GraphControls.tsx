import { useMemo } from "react";
import type { EntityKind } from "../../gql/graphql";
import { KIND_LABEL } from "../../labels";
import { edgeData, KIND_COLORS, KIND_ORDER, type KgGraph, nodeData, typeColor, typeLabel, typeRank } from "./model";

/** One checkbox per relationship type present in the graph, with how many edges it has. */
export function TypeFilter({
  graph,
  version,
  hiddenTypes,
  onToggle,
}: {
  graph: KgGraph;
  version: number;
  hiddenTypes: ReadonlySet<string>;
  onToggle: (type: string) => void;
}) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the graph's content
  const counts = useMemo(() => {
    const byType = new Map<string, number>();
    graph.edges().forEach((edge) => {
      const { type } = edgeData(edge);
      byType.set(type, (byType.get(type) ?? 0) + 1);
    });
    return [...byType].sort(([a], [b]) => typeRank(a) - typeRank(b) || a.localeCompare(b));
  }, [graph, version]);
  return (
    <fieldset className="graph-filter">
      <legend>关系类型</legend>
      {counts.map(([type, count]) => (
        <label key={type} className="graph-filter-item" title={type}>
          <input type="checkbox" checked={!hiddenTypes.has(type)} onChange={() => onToggle(type)} data-type={type} />
          <span className="graph-swatch-line" style={{ background: typeColor(type) }} />
          {typeLabel(type)} <span className="muted">{count}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** One colour per kind of entity, for the kinds on screen. */
export function GraphLegend({ graph, version }: { graph: KgGraph; version: number }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the graph's content
  const kinds = useMemo(() => {
    const byKind = new Map<EntityKind, number>();
    graph.nodes().forEach((node) => {
      const { kind } = nodeData(node);
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    });
    return KIND_ORDER.filter((k) => byKind.has(k)).map((k) => [k, byKind.get(k) ?? 0] as const);
  }, [graph, version]);
  return (
    <ul className="graph-legend" aria-label="图例">
      {kinds.map(([kind, count]) => (
        <li key={kind} data-kind={kind}>
          <span className="graph-swatch" style={{ background: KIND_COLORS[kind] }} />
          {KIND_LABEL[kind] ?? kind} <span className="muted">{count}</span>
        </li>
      ))}
    </ul>
  );
}
