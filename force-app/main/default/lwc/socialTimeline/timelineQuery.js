// One page of a record's social timeline, plus the channel settings (icons, SLA, reply limits) it
// is shown with and our replies not delivered yet (so an open message says "reply queued" under any
// filter): one request per page. Newest first; oldest first ($order ASC) when paging newer from a
// jump point. All input arrives as variables, so nothing a rep types, and no record id, is ever
// part of the query text.
import { gql } from 'lightning/graphql';

export const TIMELINE_QUERY = gql`
    query socialTimeline(
        $where: Social_Interaction__c_Filter
        $first: Int
        $after: String
        $upperBound: Int
        $undelivered: Social_Interaction__c_Filter
        $order: ResultOrder = DESC
    ) {
        uiapi {
            query {
                Social_Interaction__c(
                    where: $where
                    first: $first
                    after: $after
                    upperBound: $upperBound
                    orderBy: { Posted_At__c: { order: $order }, Id: { order: $order } }
                ) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            External_Id__c {
                                value
                            }
                            Network__c {
                                value
                            }
                            Direction__c {
                                value
                                displayValue
                            }
                            Visibility__c {
                                value
                                displayValue
                            }
                            Kind__c {
                                value
                                displayValue
                            }
                            Body__c {
                                value
                            }
                            Permalink__c {
                                value
                            }
                            Posted_At__c {
                                value
                            }
                            Thread_Key__c {
                                value
                            }
                            In_Reply_To__c {
                                value
                            }
                            Sentiment__c {
                                value
                                displayValue
                            }
                            Intent__c {
                                value
                                displayValue
                            }
                            Status__c {
                                value
                                displayValue
                            }
                            LastModifiedDate {
                                value
                            }
                            Response_Due_At__c {
                                value
                            }
                            First_Response_At__c {
                                value
                            }
                            Delivery_Status__c {
                                value
                                displayValue
                            }
                            Delivery_Error__c {
                                value
                            }
                            Delivered_At__c {
                                value
                            }
                            Delivery_Attempts__c {
                                value
                            }
                            Contains_Personal_Data__c {
                                value
                            }
                            Deleted_On_Network__c {
                                value
                            }
                            Contact__c {
                                value
                            }
                            Lead__c {
                                value
                            }
                            Account__c {
                                value
                            }
                            Case__c {
                                value
                            }
                            Case__r {
                                CaseNumber {
                                    value
                                }
                                Status {
                                    value
                                    displayValue
                                }
                            }
                            Contact__r {
                                Name {
                                    value
                                }
                            }
                            Identity__c {
                                value
                            }
                            Identity__r {
                                Handle__c {
                                    value
                                }
                                Display_Name__c {
                                    value
                                }
                                Is_Advocate__c {
                                    value
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                    totalCount
                }
                undelivered: Social_Interaction__c(
                    where: $undelivered
                    first: 200
                    orderBy: { Posted_At__c: { order: DESC }, Id: { order: DESC } }
                ) {
                    edges {
                        node {
                            Id
                            Direction__c {
                                value
                            }
                            In_Reply_To__c {
                                value
                            }
                            Status__c {
                                value
                            }
                            Delivery_Status__c {
                                value
                            }
                        }
                    }
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
                            Response_SLA_Minutes__c {
                                value
                            }
                            Sort_Order__c {
                                value
                            }
                            Public_Reply_Limit__c {
                                value
                            }
                            Length_Counting__c {
                                value
                            }
                            Supports_Private_Messages__c {
                                value
                            }
                            Case_Origin__c {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;
