// How many of the record's interactions are on channels an admin turned off: the timeline hides
// them and says how many (c/socialDisabledChannels). Only the count is read, none of the messages.
// The filter arrives as a variable (socialTimelineFilter.disabledChannelsWhere).
import { gql } from 'lightning/graphql';

export const HIDDEN_COUNT_QUERY = gql`
    query socialTimelineHidden($hidden: Social_Interaction__c_Filter) {
        uiapi {
            query {
                Social_Interaction__c(where: $hidden, first: 1) {
                    totalCount
                }
            }
        }
    }
`;
