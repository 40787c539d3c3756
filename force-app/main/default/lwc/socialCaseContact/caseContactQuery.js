// The contact of a case, with the name to show: a case page's timeline shows the case's
// interactions and its contact's, and catch-me-up summarises that contact by name.
import { gql } from 'lightning/graphql';

export const CASE_CONTACT_QUERY = gql`
    query socialCaseContact($caseId: ID) {
        uiapi {
            query {
                Case(where: { Id: { eq: $caseId } }, first: 1) {
                    edges {
                        node {
                            Id
                            ContactId {
                                value
                            }
                            Contact {
                                Name {
                                    value
                                }
                            }
                        }
                    }
                }
            }
        }
    }
`;
