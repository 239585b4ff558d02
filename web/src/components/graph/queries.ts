import { graphql } from "../../gql";

/** An entity and its relations with their citations: what the graph draws of a node, first or when it is expanded. */
export const GraphNeighbourhood = graphql(`
  fragment GraphNeighbourhood on Entity {
    name
    kind
    relations(first: 100) {
      totalCount
      edges {
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
          passage {
            id
          }
          document {
            id
            title
          }
        }
      }
    }
  }
`);

/** Expanding a node: one request for its relations. */
export const GraphExpandQuery = graphql(`
  query GraphExpand($id: ID!) {
    node(id: $id) {
      __typename
      id
      ...GraphNeighbourhood
    }
  }
`);
