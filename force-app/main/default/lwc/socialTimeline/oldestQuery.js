// The oldest interactions of a timeline, dates only, oldest first: "Oldest" reads the date of the
// page-size-th one and pages back from there with the timeline's own query (a Posted_At__c window),
// so reaching the oldest of thousands is two small requests, not a walk through every page.
// Input only as variables; `first` is at most 200 (the component's largest page size).
import { gql } from 'lightning/graphql';

export const OLDEST_QUERY = gql`
    query socialTimelineOldest($where: Social_Interaction__c_Filter, $count: Int) {
        uiapi {
            query {
                Social_Interaction__c(
                    where: $where
                    first: $count
                    orderBy: { Posted_At__c: { order: ASC }, Id: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            Posted_At__c {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;
