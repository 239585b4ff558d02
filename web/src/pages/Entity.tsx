import { useEffect } from "react";
import { useQuery } from "urql";
import { EntityHeader } from "../components/entity/Header";
import { RELATION_TYPES } from "../labels";
import { MENTIONS_FIRST, Mentions } from "../components/entity/Mentions";
import { OBSERVATIONS_FIRST, ObservationTable } from "../components/entity/Observations";
import { type PostRow, Posts } from "../components/entity/Posts";
import { RelatedLists } from "../components/entity/Related";
import { RELATIONS_FIRST, type RelationGroupData, RelationGroups } from "../components/entity/Relations";
import { ApiError, Loading, NotFound } from "../components/Status";
import { graphql } from "../gql";
import type { EntityDetailsFragment } from "../gql/graphql";

const EntityPageQuery = graphql(`
  query EntityPage($id: ID!, $relationsFirst: Int!, $observationsFirst: Int!, $mentionsFirst: Int!) {
    node(id: $id) {
      id
      ...EntityDetails
    }
  }
`);

const EntityByNameQuery = graphql(`
  query EntityByName($name: String!, $relationsFirst: Int!, $observationsFirst: Int!, $mentionsFirst: Int!) {
    entity(name: $name) {
      ...EntityDetails
    }
  }
`);

const PAGE_SIZES = { relationsFirst: RELATIONS_FIRST, observationsFirst: OBSERVATIONS_FIRST, mentionsFirst: MENTIONS_FIRST };

export function EntityPage({ id }: { id: string }) {
  const [result] = useQuery({ query: EntityPageQuery, variables: { id, ...PAGE_SIZES } });
  if (result.error) return <ApiError error={result.error} />;
  if (!result.data) return <Loading />;
  const node = result.data.node;
  if (!node || !("kind" in node)) return <NotFound what="这个实体" />;
  return <EntityView entity={node} />;
}

/** A place by gazetteer path (山东省/青岛市), or any entity by name or alias: the breadcrumbs link here. */
export function EntityByNamePage({ name }: { name: string }) {
  const [result] = useQuery({ query: EntityByNameQuery, variables: { name, ...PAGE_SIZES } });
  if (result.error) return <ApiError error={result.error} />;
  if (!result.data) return <Loading />;
  const entity = result.data.entity;
  if (!entity) return <NotFound what="这个实体" />;
  return <EntityView entity={entity} />;
}

function relationGroups(e: EntityDetailsFragment): RelationGroupData[] {
  const pages = {
    PART_OF: e.relPartOf,
    LOCATED_IN: e.relLocatedIn,
    PARTNER_OF: e.relPartnerOf,
    SUB_ORGANIZATION_OF: e.relSubOrganizationOf,
    PARTICIPATED_IN: e.relParticipatedIn,
    APPLIES_TO: e.relAppliesTo,
  };
  return RELATION_TYPES.map((type) => ({ type, page: pages[type] }));
}

function posts(e: EntityDetailsFragment): { rows: PostRow[]; holderLabel: string } | null {
  if (e.__typename === "Person") return { rows: e.posts.map((p) => ({ ...p, holder: p.organization })), holderLabel: "机构" };
  if (e.__typename === "Organization") return { rows: e.posts.map((p) => ({ ...p, holder: p.person })), holderLabel: "人员" };
  return null;
}

function EntityView({ entity }: { entity: EntityDetailsFragment }) {
  useEffect(() => {
    document.title = `${entity.name} · 政府工作报告知识图谱`;
  }, [entity.name]);
  const held = posts(entity);
  return (
    <article className="entity" data-entity-id={entity.id}>
      <EntityHeader entity={entity} />
      <RelatedLists entity={entity} />
      {held && <Posts posts={held.rows} holderLabel={held.holderLabel} />}
      <ObservationTable key={entity.id} entityId={entity.id} page={entity.observations} bySubject={entity.kind === "INDICATOR"} />
      <RelationGroups key={`rel:${entity.id}`} entityId={entity.id} groups={relationGroups(entity)} />
      <Mentions key={`men:${entity.id}`} entityId={entity.id} page={entity.mentions} />
    </article>
  );
}
