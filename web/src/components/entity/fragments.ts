import { graphql } from "../../gql";

export const RelationPageFragment = graphql(`
  fragment RelationPage on RelationConnection {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      type
      direction
      node {
        id
        name
        kind
      }
      citations {
        quote
        start
        end
        document {
          id
          title
        }
        passage {
          id
        }
      }
    }
  }
`);

export const ObservationRowFragment = graphql(`
  fragment ObservationRow on Observation {
    id
    kind
    period
    periodStart
    value
    valueMax
    unit
    qualifier
    measure
    conflicting
    conflictsWith {
      id
    }
    indicator {
      id
      name
    }
    subject {
      id
      name
    }
    citations {
      quote
      start
      end
      document {
        id
        title
      }
      passage {
        id
      }
    }
  }
`);

export const MentionPageFragment = graphql(`
  fragment MentionPage on CitationConnection {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        quote
        start
        end
        document {
          id
          title
        }
        passage {
          id
          start
          text
        }
      }
    }
  }
`);

/** Everything the entity page first shows, for `node(id:)` and `entity(name:)` alike: one request per view. */
export const EntityDetailsFragment = graphql(`
  fragment EntityDetails on Entity {
    __typename
    id
    name
    kind
    years: periods
    targetYears: periods(kind: TARGET)
    aliases
    code
    method
    description
    path
    ... on Province {
      cities {
        id
        name
      }
    }
    ... on City {
      province {
        id
        name
      }
      districts {
        id
        name
      }
    }
    ... on District {
      city {
        id
        name
      }
      zones {
        id
        name
      }
      projects {
        id
        name
      }
      subdistricts {
        id
        name
      }
      partners {
        id
        name
        path
      }
    }
    ... on County {
      city {
        id
        name
      }
      province {
        id
        name
      }
      partnerOf {
        id
        name
      }
    }
    ... on Subdistrict {
      district {
        id
        name
        path
      }
    }
    ... on Zone {
      district {
        id
        name
        path
      }
      parentZone {
        id
        name
        district {
          id
          name
          path
        }
      }
      subzones {
        id
        name
      }
      projects {
        id
        name
      }
    }
    ... on Project {
      district {
        id
        name
        path
      }
      zone {
        id
        name
        district {
          id
          name
          path
        }
        parentZone {
          id
          name
        }
      }
    }
    ... on Organization {
      posts {
        id
        title
        current
        asOf
        person {
          id
          name
        }
        citations {
          quote
          start
          end
          document {
            id
            title
          }
          passage {
            id
          }
        }
      }
    }
    ... on Person {
      posts {
        id
        title
        current
        asOf
        organization {
          id
          name
        }
        citations {
          quote
          start
          end
          document {
            id
            title
          }
          passage {
            id
          }
        }
      }
      events {
        id
        name
      }
    }
    ... on Event {
      participants {
        id
        name
      }
    }
    ... on Policy {
      appliesTo {
        id
        name
        kind
      }
    }
    ... on Indicator {
      category
      unitHint
    }
    relPartOf: relations(types: ["PART_OF"], first: $relationsFirst) {
      ...RelationPage
    }
    relLocatedIn: relations(types: ["LOCATED_IN"], first: $relationsFirst) {
      ...RelationPage
    }
    relPartnerOf: relations(types: ["PARTNER_OF"], first: $relationsFirst) {
      ...RelationPage
    }
    relSubOrganizationOf: relations(types: ["SUB_ORGANIZATION_OF"], first: $relationsFirst) {
      ...RelationPage
    }
    relParticipatedIn: relations(types: ["PARTICIPATED_IN"], first: $relationsFirst) {
      ...RelationPage
    }
    relAppliesTo: relations(types: ["APPLIES_TO"], first: $relationsFirst) {
      ...RelationPage
    }
    observations(first: $observationsFirst, newestFirst: true) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          ...ObservationRow
        }
      }
    }
    mentions(first: $mentionsFirst) {
      ...MentionPage
    }
  }
`);
