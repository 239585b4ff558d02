/**
 * The benchmark operations (bench/ops/operations.ts) as @neo4j/graphql asks them, over
 * bench/peer/typedefs.graphql, and how the peer's answer maps onto ours. `toOurs` only renames and
 * unwraps (the peer has no single-node relationship fields: a zone's district is a list of one);
 * ordering and paging are the peer's own `sort`, `limit`, `first` and `after`.
 */
import type { Picks } from "../ops/operations.js";

export interface PeerOperation {
  graphql: string;
  variables(p: Picks): Record<string, unknown>;
  toOurs(data: unknown): unknown;
}

const PAGE = 20;

/** Citations in our order: by document, then offsets. */
const CITATION_SORT = `[{ node: { documentId: ASC } }, { edge: { start: ASC } }, { edge: { end: ASC } }]`;
/** Observations in our order: by period, kind, id. */
const OBSERVATION_SORT = `[{ node: { period: ASC } }, { node: { kind: ASC } }, { node: { id: ASC } }]`;

/** The one element of a list the peer returns for a to-one relationship or a unique name; null for none. */
function single<T>(list: readonly T[], what: string): T | null {
  if (list.length > 1) throw new Error(`peer returned ${list.length} ${what}, expected at most one`);
  return list[0] ?? null;
}

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`peer returned no ${what}`);
  return value;
}

/** A passage's document, two hops up: Passage <-HAS_PASSAGE- Article <-HAS_ARTICLE- Document. */
interface PeerPassageWithDocument<D> {
  article: Array<{ document: D[] }>;
}

function documentOf<D>(passage: PeerPassageWithDocument<D>): D {
  const article = required(single(passage.article, "articles of a passage"), "article of a passage");
  return required(single(article.document, "documents of an article"), "document of an article");
}

interface PeerCitationEdge<N> {
  properties: { quote: string; start: number; end: number };
  node: N;
}

// --- entityPage ----------------------------------------------------------------------------------

interface EntityPageData {
  districts: Array<{
    id: string;
    name: string;
    aliases: string[];
    relations: {
      totalCount: number;
      edges: Array<{
        type: string;
        direction: string;
        node: { __typename: string; id: string; name: string };
        citations: Array<{ quote: string; start: number; end: number; document: { id: string } }>;
      }>;
    };
  }>;
}

// --- zoneProjects --------------------------------------------------------------------------------

interface ZoneProjectsData {
  zones: Array<{
    name: string;
    projects: Array<{
      id: string;
      name: string;
      mentionsConnection: {
        totalCount: number;
        edges: Array<PeerCitationEdge<PeerPassageWithDocument<{ id: string; title: string | null }>>>;
      };
    }>;
  }>;
}

// --- districtYear --------------------------------------------------------------------------------

interface DistrictYearData {
  districts: Array<{
    observationsConnection: {
      totalCount: number;
      edges: Array<{
        node: {
          id: string;
          kind: string;
          value: number;
          unit: string;
          qualifier: string;
          indicator: Array<{ name: string }>;
          citationsConnection: { edges: Array<{ properties: { quote: string }; node: { documentId: string } }> };
        };
      }>;
    };
  }>;
}

// --- targetAttainment ----------------------------------------------------------------------------

interface AttainmentData {
  districts: Array<{
    targetAttainment: Array<{
      indicator: { name: string };
      target: { value: number; unit: string; qualifier: string };
      actual: { value: number; unit: string } | null;
      met: boolean | null;
    }>;
  }>;
}

// --- search --------------------------------------------------------------------------------------

interface SearchData {
  search: {
    totalCount: number;
    edges: Array<{ score: number; node: { __typename: string; id: string; name?: string; text?: string } }>;
  };
}

// --- projectsPage3 -------------------------------------------------------------------------------

interface ProjectsPageData {
  projectsConnection: { pageInfo: { hasNextPage: boolean }; edges: Array<{ node: { id: string; name: string } }> };
}

// --- deepWalk ------------------------------------------------------------------------------------

interface DeepWalkData {
  projects: Array<{
    name: string;
    zone: Array<{
      name: string;
      district: Array<{
        name: string;
        city: Array<{ name: string }>;
        observationsConnection: {
          edges: Array<{
            node: {
              value: number;
              unit: string;
              indicator: Array<{ name: string }>;
              citationsConnection: { edges: Array<PeerCitationEdge<PeerPassageWithDocument<{ title: string | null }>>> };
            };
          }>;
        };
      }>;
    }>;
  }>;
}

/**
 * The peer's response `data` for one of our operations. Its shape is fixed by the query above it;
 * a wrong assumption here surfaces as a DIFF (or a thrown error) in bench/peer/check.ts.
 */
function shaped<T>(data: unknown): T {
  if (typeof data !== "object" || data === null) throw new Error("peer returned no data");
  return data as T;
}

export const PEER_OPERATIONS: Record<string, PeerOperation> = {
  transportFloor: { graphql: "{ __typename }", variables: () => ({}), toOurs: (data) => data },
  entityPage: {
    graphql: `query EntityPage($name: String!) {
  districts(where: { name: { eq: $name } }) {
    id name aliases
    relations(first: ${PAGE}) {
      totalCount
      edges { type direction node { __typename id name } citations { quote start end document { id } } }
    }
  }
}`,
    variables: (p) => ({ name: p.district }),
    toOurs(data) {
      const entity = single(shaped<EntityPageData>(data).districts, "districts");
      return { entity };
    },
  },

  zoneProjects: {
    graphql: `query ZoneProjects($name: String!) {
  zones(where: { name: { eq: $name } }) {
    name
    projects(sort: [{ id: ASC }], limit: 100) {
      id name
      mentionsConnection(first: 5, sort: ${CITATION_SORT}) {
        totalCount
        edges { properties { quote start end } node { article { document { id title } } } }
      }
    }
  }
}`,
    variables: (p) => ({ name: p.zone }),
    toOurs(data) {
      const zone = single(shaped<ZoneProjectsData>(data).zones, "zones");
      if (zone === null) return { entity: null };
      return {
        entity: {
          name: zone.name,
          projects: zone.projects.map((project) => ({
            id: project.id,
            name: project.name,
            mentions: {
              totalCount: project.mentionsConnection.totalCount,
              edges: project.mentionsConnection.edges.map((edge) => ({
                node: { ...edge.properties, document: documentOf(edge.node) },
              })),
            },
          })),
        },
      };
    },
  },

  districtYear: {
    graphql: `query DistrictYear($name: String!, $year: Int!) {
  districts(where: { name: { eq: $name } }) {
    observationsConnection(where: { node: { period: { eq: $year } } }, first: ${PAGE}, sort: ${OBSERVATION_SORT}) {
      totalCount
      edges {
        node {
          id kind value unit qualifier
          indicator { name }
          citationsConnection(sort: ${CITATION_SORT}) { edges { properties { quote } node { documentId } } }
        }
      }
    }
  }
}`,
    variables: (p) => ({ name: p.district, year: p.year }),
    toOurs(data) {
      const district = single(shaped<DistrictYearData>(data).districts, "districts");
      if (district === null) return { observations: { totalCount: 0, edges: [] } };
      const { totalCount, edges } = district.observationsConnection;
      return {
        observations: {
          totalCount,
          edges: edges.map(({ node: o }) => ({
            node: {
              id: o.id,
              kind: o.kind,
              value: o.value,
              unit: o.unit,
              qualifier: o.qualifier,
              indicator: required(single(o.indicator, "indicators of an observation"), "indicator of an observation"),
              citations: o.citationsConnection.edges.map((c) => ({ quote: c.properties.quote, document: { id: c.node.documentId } })),
            },
          })),
        },
      };
    },
  },

  targetAttainment: {
    graphql: `query Attainment($name: String!, $year: Int!) {
  districts(where: { name: { eq: $name } }) {
    targetAttainment(period: $year) { indicator { name } target { value unit qualifier } actual { value unit } met }
  }
}`,
    variables: (p) => ({ name: p.district, year: p.year }),
    toOurs(data) {
      const district = single(shaped<AttainmentData>(data).districts, "districts");
      return { targetAttainment: district?.targetAttainment ?? [] };
    },
  },

  search: {
    graphql: `query Search($q: String!, $term: String!) {
  search(query: $q, term: $term, first: 10) {
    totalCount
    edges { score node { __typename ... on Entity { id name } ... on Passage { id text } } }
  }
}`,
    // The peer's search takes Lucene syntax: the term as a phrase, as the raw Cypher sends it.
    variables: (p) => ({ q: `"${p.searchTerm}"`, term: p.searchTerm }),
    toOurs(data) {
      return { search: shaped<SearchData>(data).search };
    },
  },

  projectsPage3: {
    graphql: `query Projects($after: String!) {
  projectsConnection(first: ${PAGE}, after: $after, sort: [{ id: ASC }]) { pageInfo { hasNextPage } edges { node { id name } } }
}`,
    // The peer's cursors are graphql-relay offset cursors: page 2's endCursor is that of the item before page 3.
    variables: (p) => ({ after: Buffer.from(`arrayconnection:${p.projectsPage3Offset - 1}`).toString("base64") }),
    toOurs(data) {
      return { entities: shaped<ProjectsPageData>(data).projectsConnection };
    },
  },

  deepWalk: {
    graphql: `query DeepWalk($name: String!, $year: Int!) {
  projects(where: { name: { eq: $name } }) {
    name
    zone(sort: [{ id: ASC }], limit: 1) {
      name
      district(sort: [{ id: ASC }], limit: 1) {
        name
        city(sort: [{ id: ASC }], limit: 1) { name }
        observationsConnection(where: { node: { period: { eq: $year } } }, first: 3, sort: ${OBSERVATION_SORT}) {
          edges {
            node {
              value unit
              indicator { name }
              citationsConnection(sort: ${CITATION_SORT}) { edges { properties { quote } node { article { document { title } } } } }
            }
          }
        }
      }
    }
  }
}`,
    variables: (p) => ({ name: p.project, year: p.year }),
    toOurs(data) {
      const project = single(shaped<DeepWalkData>(data).projects, "projects");
      if (project === null) return { entity: null };
      const zone = single(project.zone, "zones of a project");
      const district = zone && single(zone.district, "districts of a zone");
      return {
        entity: {
          name: project.name,
          zone: zone && {
            name: zone.name,
            district: district && {
              name: district.name,
              city: single(district.city, "cities of a district"),
              observations: {
                edges: district.observationsConnection.edges.map(({ node: o }) => ({
                  node: {
                    value: o.value,
                    unit: o.unit,
                    indicator: required(single(o.indicator, "indicators of an observation"), "indicator of an observation"),
                    citations: o.citationsConnection.edges.map((c) => ({ quote: c.properties.quote, document: documentOf(c.node) })),
                  },
                })),
              },
            },
          },
        },
      };
    },
  },
};
