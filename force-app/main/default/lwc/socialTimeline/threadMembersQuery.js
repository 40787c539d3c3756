// Every member of the threads a page shows, oldest first, with only what a thread's heading and
// count need: who started each thread and how many messages it holds, wherever a page boundary or
// a filter cut it (c/socialThreads.wholeThreads). One request per page for the threads not known
// yet; 2,000 members at most (the GraphQL API's largest page), beyond which counts are lower
// bounds. Input only as variables.
import { gql } from 'lightning/graphql';

export const THREAD_MEMBERS_QUERY = gql`
    query socialThreadMembers($where: Social_Interaction__c_Filter) {
        uiapi {
            query {
                Social_Interaction__c(
                    where: $where
                    first: 2000
                    orderBy: { Posted_At__c: { order: ASC }, Id: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            External_Id__c {
                                value
                            }
                            Thread_Key__c {
                                value
                            }
                            Direction__c {
                                value
                            }
                            Posted_At__c {
                                value
                            }
                            Contact__r {
                                Name {
                                    value
                                }
                            }
                            Identity__r {
                                Handle__c {
                                    value
                                }
                                Display_Name__c {
                                    value
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                    }
                }
            }
        }
    }
`;
