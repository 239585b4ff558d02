import { graphql } from "../../gql";

/**
 * Expanding a node: one request for its relations (the same selection as the page's first query; written inline because
 * the API's cost limit counts a named fragment twice and `relations(first: 100)` with citations sits just under it).
 */
export const GraphExpandQuery = graphql(`
  query GraphExpand($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Entity {
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
              document {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`);
