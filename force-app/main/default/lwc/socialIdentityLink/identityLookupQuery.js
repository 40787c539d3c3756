// Finds an existing identity by network and handle before a rep links one, so a known account is
// linked rather than duplicated, and one already linked elsewhere is never silently moved.
import { gql } from 'lightning/graphql';

export const IDENTITY_LOOKUP_QUERY = gql`
    query socialIdentityLookup($network: String, $handle: String) {
        uiapi {
            query {
                Social_Identity__c(
                    where: { and: [{ Network__c: { eq: $network } }, { Handle__c: { eq: $handle } }] }
                    first: 5
                ) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            Handle__c {
                                value
                            }
                            Display_Name__c {
                                value
                            }
                            Link_Status__c {
                                value
                            }
                            Contact__c {
                                value
                            }
                            Lead__c {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;
