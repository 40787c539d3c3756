// The identities linked to, suggested for or rejected for one Contact or Lead (on a Contact, also
// those of the Leads converted into it), with the channel settings the panel needs (names, icons,
// profile URL templates for new links).
import { gql } from 'lightning/graphql';

export const IDENTITIES_QUERY = gql`
    query socialIdentities($where: Social_Identity__c_Filter) {
        uiapi {
            query {
                Social_Identity__c(
                    where: $where
                    first: 200
                    orderBy: { Network__c: { order: ASC }, Handle__c: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            Network__c {
                                value
                            }
                            Handle__c {
                                value
                            }
                            Display_Name__c {
                                value
                            }
                            Profile_URL__c {
                                value
                            }
                            Followers__c {
                                value
                            }
                            Link_Status__c {
                                value
                                displayValue
                            }
                            Link_Source__c {
                                value
                                displayValue
                            }
                            Matched_By_Rule__c {
                                value
                            }
                            Linked_At__c {
                                value
                            }
                            Link_Note__c {
                                value
                            }
                            Is_Advocate__c {
                                value
                            }
                            Contact__c {
                                value
                            }
                            Lead__c {
                                value
                            }
                            Lead__r {
                                Name {
                                    value
                                }
                                IsConverted {
                                    value
                                }
                            }
                        }
                    }
                    totalCount
                }
                Social_Channel__c(first: 100, orderBy: { Sort_Order__c: { order: ASC } }) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            Network_Key__c {
                                value
                            }
                            Enabled__c {
                                value
                            }
                            Icon__c {
                                value
                            }
                            Profile_URL_Template__c {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;
