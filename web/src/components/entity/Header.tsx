import { Link } from "wouter";
import type { EntityDetailsFragment } from "../../gql/graphql";
import { routes } from "../../routes";
import { KindBadge } from "./KindBadge";
import { METHOD_HINT, METHOD_LABEL } from "../../labels";

interface Crumb {
  label: string;
  href?: string;
}
interface Named {
  id: string;
  name: string;
}
interface Placed extends Named {
  path?: string | null;
}

/** Each prefix of a gazetteer path (山东省/青岛市) opens by name: `entity(name:)` accepts paths. */
function pathCrumbs(path: string, linkLast: boolean): Crumb[] {
  const parts = path.split("/");
  return parts.map((label, i) => {
    const last = i === parts.length - 1;
    return last && !linkLast ? { label } : { label, href: routes.entityByName(parts.slice(0, i + 1).join("/")) };
  });
}

function placeCrumbs(place: Placed | null | undefined): Crumb[] {
  if (!place) return [];
  return place.path ? pathCrumbs(place.path, true) : [{ label: place.name, href: routes.entity(place.id) }];
}

const named = (n: Named): Crumb => ({ label: n.name, href: routes.entity(n.id) });

/** The chain of places above the entity: its own gazetteer path, or its district's path and its zones. */
export function breadcrumb(e: EntityDetailsFragment): Crumb[] {
  if (e.path) return pathCrumbs(e.path, false);
  const self = { label: e.name };
  switch (e.__typename) {
    case "Subdistrict":
      return e.district ? [...placeCrumbs(e.district), self] : [];
    case "Zone": {
      const parent = e.parentZone;
      const district = e.district ?? parent?.district;
      if (!district && !parent) return [];
      return [...placeCrumbs(district), ...(parent ? [named(parent)] : []), self];
    }
    case "Project": {
      const zone = e.zone;
      const district = e.district ?? zone?.district;
      if (!district && !zone) return [];
      return [...placeCrumbs(district), ...(zone?.parentZone ? [named(zone.parentZone)] : []), ...(zone ? [named(zone)] : []), self];
    }
    default:
      return [];
  }
}

export function Breadcrumb({ crumbs }: { crumbs: Crumb[] }) {
  if (crumbs.length === 0) return null;
  return (
    <nav className="entity-crumbs" aria-label="所在位置">
      <ol>
        {crumbs.map((c) => (
          <li key={c.href ?? c.label}>{c.href ? <Link href={c.href}>{c.label}</Link> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

export function EntityHeader({ entity }: { entity: EntityDetailsFragment }) {
  const latestTarget = entity.targetYears[0];
  const latestYear = entity.years[0];
  return (
    <header className="entity-head">
      <Breadcrumb crumbs={breadcrumb(entity)} />
      <h1 className="entity-title">
        <KindBadge kind={entity.kind} />
        <span className="entity-name">{entity.name}</span>
      </h1>
      <dl className="entity-facts">
        {entity.aliases.length > 0 && (
          <>
            <dt>又称</dt>
            <dd className="entity-aliases">
              {entity.aliases.map((a) => (
                <span key={a} className="entity-alias">
                  {a}
                </span>
              ))}
            </dd>
          </>
        )}
        {entity.code && (
          <>
            <dt>行政区划代码</dt>
            <dd>
              <code className="code">{entity.code}</code>
            </dd>
          </>
        )}
        {entity.__typename === "Indicator" && entity.category && (
          <>
            <dt>指标类别</dt>
            <dd>{entity.category}</dd>
          </>
        )}
        {entity.__typename === "Indicator" && entity.unitHint && (
          <>
            <dt>常用单位</dt>
            <dd>{entity.unitHint}</dd>
          </>
        )}
        <dt>来源</dt>
        <dd title={METHOD_HINT[entity.method]}>
          {METHOD_LABEL[entity.method]} <span className="muted">（{METHOD_HINT[entity.method]}）</span>
        </dd>
        {entity.description && (
          <>
            <dt>说明</dt>
            <dd>{entity.description}</dd>
          </>
        )}
        <dt>编号</dt>
        <dd>
          <code className="code">{entity.id}</code>
        </dd>
      </dl>
      <nav className="entity-actions" aria-label="相关视图">
        <Link href={routes.graph(entity.id)}>关系图</Link>
        {/* The latest year the graph has targets (or figures) for: none is assumed. */}
        {latestTarget !== undefined && entity.kind !== "INDICATOR" && (
          <Link href={routes.targets(entity.path ?? entity.name, latestTarget)}>{latestTarget}年目标与完成</Link>
        )}
        {entity.kind === "INDICATOR" && latestYear !== undefined && <Link href={routes.compare(entity.name, latestYear)}>{latestYear}年各地比较</Link>}
      </nav>
    </header>
  );
}
