// "Catch me up" for one person: the recent interactions (what happened, last touch per channel),
// every open one (what is waiting) and every reply of ours not delivered yet (queued, sending or
// failed, however old), in one request with three aliased connections that share one fragment of
// fields, plus the channel settings the SLA rules need. Input only as variables.
import { gql } from 'lightning/graphql';

export const CATCH_UP_QUERY = gql`
    query socialCatchUp(
        $recent: Social_Interaction__c_Filter
        $open: Social_Interaction__c_Filter
        $undelivered: Social_Interaction__c_Filter
        $first: Int
    ) {
        uiapi {
            query {
                recent: Social_Interaction__c(
                    where: $recent
                    first: $first
                    orderBy: { Posted_At__c: { order: DESC }, Id: { order: DESC } }
                ) {
                    edges {
                        node {
                            ...CatchUpInteraction
                        }
                    }
                    totalCount
                }
                open: Social_Interaction__c(
                    where: $open
                    first: $first
                    orderBy: { Posted_At__c: { order: DESC }, Id: { order: DESC } }
                ) {
                    edges {
                        node {
                            ...CatchUpInteraction
                        }
                    }
                    totalCount
                }
                undelivered: Social_Interaction__c(
                    where: $undelivered
                    first: $first
                    orderBy: { Posted_At__c: { order: DESC }, Id: { order: DESC } }
                ) {
                    edges {
                        node {
                            ...CatchUpInteraction
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
                            Response_SLA_Minutes__c {
                                value
                            }
                            Sort_Order__c {
                                value
                            }
                        }
                    }
                }
            }
        }
    }

    fragment CatchUpInteraction on Social_Interaction__c {
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
`;
