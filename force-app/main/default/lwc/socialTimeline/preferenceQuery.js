// The rep's saved defaults for this kind of record page (Social_Rep_Preference__c, a record the rep
// owns): read through the UI API so the timeline starts from the same filter on any browser, device
// or the mobile app. One record per rep and page (Preference_Key__c); input only as variables.
import { gql } from 'lightning/graphql';

export const PREFERENCE_QUERY = gql`
    query socialRepPreference($where: Social_Rep_Preference__c_Filter) {
        uiapi {
            query {
                Social_Rep_Preference__c(where: $where, first: 1) {
                    edges {
                        node {
                            Id
                            Timeline_Filter__c {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;
