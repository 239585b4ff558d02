import { Link } from "wouter";
import type { EntityDetailsFragment, EntityKind } from "../../gql/graphql";
import { routes } from "../../routes";
import { KindBadge } from "./KindBadge";

interface Item {
  id: string;
  name: string;
  kind?: EntityKind;
}
interface List {
  label: string;
  items: readonly Item[];
}

const one = (item: Item | null | undefined): Item[] => (item ? [item] : []);

/** The kind-specific lists of related entities (complete lists, by id). */
function lists(e: EntityDetailsFragment): List[] {
  switch (e.__typename) {
    case "Province":
      return [{ label: "下辖城市", items: e.cities }];
    case "City":
      return [
        { label: "所属省份", items: one(e.province) },
        { label: "下辖区", items: e.districts },
      ];
    case "District":
      return [
        { label: "所属城市", items: one(e.city) },
        { label: "重点片区", items: e.zones },
        { label: "项目", items: e.projects },
        { label: "街道", items: e.subdistricts },
        { label: "东西部协作结对县", items: e.partners },
      ];
    case "County":
      return [
        { label: "所属城市", items: one(e.city) },
        { label: "所属省份", items: one(e.province) },
        { label: "结对区", items: e.partnerOf },
      ];
    case "Subdistrict":
      return [{ label: "所在区", items: one(e.district) }];
    case "Zone":
      return [
        { label: "所在区", items: one(e.district) },
        { label: "所在片区", items: one(e.parentZone) },
        { label: "片区内的片区", items: e.subzones },
        { label: "项目", items: e.projects },
      ];
    case "Project":
      return [
        { label: "所在区", items: one(e.district ?? e.zone?.district) },
        { label: "所在片区", items: one(e.zone) },
      ];
    case "Person":
      return [{ label: "参加的活动", items: e.events }];
    case "Event":
      return [{ label: "参加者", items: e.participants }];
    case "Policy":
      return [{ label: "适用于", items: e.appliesTo }];
    default:
      return [];
  }
}

export function RelatedLists({ entity }: { entity: EntityDetailsFragment }) {
  const shown = lists(entity).filter((l) => l.items.length > 0);
  if (shown.length === 0) return null;
  return (
    <section className="card entity-related" aria-labelledby="entity-related-h">
      <h2 id="entity-related-h">相关</h2>
      <dl>
        {shown.map((l) => (
          <div key={l.label} className="entity-related-row">
            <dt>
              {l.label} <span className="muted">{l.items.length}</span>
            </dt>
            <dd>
              <ul className="entity-chips">
                {l.items.map((item) => (
                  <li key={item.id}>
                    {item.kind && <KindBadge kind={item.kind} />}
                    <Link href={routes.entity(item.id)}>{item.name}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
