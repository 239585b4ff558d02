import { graphql } from "../../gql";

/** A citation with the sentence around it, for cards that show the quote in context. */
export const SourceCitationFragment = graphql(`
  fragment SourceCitation on Citation {
    quote
    start
    end
    method
    document {
      id
      title
      publishedOn
    }
    passage {
      id
      text
      start
      end
    }
  }
`);

/** A fact in full: its value, every citation, and the facts it conflicts with (with theirs). */
export const SourceFactFragment = graphql(`
  fragment SourceFact on Observation {
    id
    kind
    period
    periodStart
    value
    valueMax
    unit
    normalizedValue
    normalizedUnit
    qualifier
    measure
    method
    text
    conflicting
    subject {
      id
      name
      kind
    }
    indicator {
      id
      name
      category
    }
    citations {
      ...SourceCitation
    }
    conflictsWith {
      id
      kind
      period
      periodStart
      value
      valueMax
      unit
      qualifier
      measure
      text
      subject {
        id
        name
      }
      citations {
        ...SourceCitation
      }
    }
  }
`);
