import type { EntityKind } from "../../gql/graphql";
import { KIND_LABEL } from "../../labels";

export function KindBadge({ kind }: { kind: EntityKind }) {
  return (
    <span className={`kind entity-kind entity-kind-${kind.toLowerCase()}`} title={kind}>
      {KIND_LABEL[kind]}
    </span>
  );
}
