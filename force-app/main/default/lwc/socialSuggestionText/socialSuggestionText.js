// Words for each suggested next step: what to do (title) and why now (reason), from the facts
// the rule found. Kept apart from the rules so translators, not code, decide the phrasing.
import SLA_TITLE from '@salesforce/label/c.Social_Suggest_SlaTitle';
import SLA_REASON from '@salesforce/label/c.Social_Suggest_SlaReason';
import PERSONAL_TITLE from '@salesforce/label/c.Social_Suggest_PersonalDataTitle';
import PERSONAL_REASON_THEIRS from '@salesforce/label/c.Social_Suggest_PersonalDataTheirs';
import PERSONAL_REASON_OURS from '@salesforce/label/c.Social_Suggest_PersonalDataOurs';
import PUBLIC_AGAIN_TITLE from '@salesforce/label/c.Social_Suggest_PublicAgainTitle';
import PUBLIC_AGAIN_REASON from '@salesforce/label/c.Social_Suggest_PublicAgainReason';
import ANSWER_ONCE_TITLE from '@salesforce/label/c.Social_Suggest_AnswerOnceTitle';
import ANSWER_ONCE_REASON from '@salesforce/label/c.Social_Suggest_AnswerOnceReason';
import PURCHASE_TITLE from '@salesforce/label/c.Social_Suggest_PurchaseTitle';
import PURCHASE_REASON from '@salesforce/label/c.Social_Suggest_PurchaseReason';
import ADVOCATE_TITLE from '@salesforce/label/c.Social_Suggest_AdvocateTitle';
import ADVOCATE_REASON from '@salesforce/label/c.Social_Suggest_AdvocateReason';
import FAILED_REPLY_TITLE from '@salesforce/label/c.Social_Suggest_FailedReplyTitle';
import FAILED_REPLY_REASON from '@salesforce/label/c.Social_Suggest_FailedReplyReason';
import FAILED_REPLY_NO_REASON from '@salesforce/label/c.Social_Suggest_FailedReplyNoReason';
import QUESTION from '@salesforce/label/c.Social_Suggest_Question';
import COMPLAINT from '@salesforce/label/c.Social_Suggest_Complaint';
import MESSAGE from '@salesforce/label/c.Social_Suggest_Message';
import { formatLabel, formatLabelParts, partsText } from 'c/labelFormat';
import { RULES } from 'c/socialSuggestions';
import { durationText } from 'c/socialTimeText';

const intentText = (intent) => (intent === 'Complaint' ? COMPLAINT : intent === 'Question' ? QUESTION : MESSAGE);

/**
 * @param {object} suggestion from c/socialSuggestions.suggestNextSteps
 * @param {(network: string) => string} channelName display name for a network key
 * @returns {{title: string, reason: string, reasonParts?: object[]}} reasonParts (c/labelFormat
 *   formatLabelParts) when the reason quotes untrusted text
 */
export function describeSuggestion(suggestion, channelName) {
    const p = suggestion.params || {};
    const name = (network) => channelName(network) || network || '';
    switch (suggestion.rule) {
        case RULES.PUBLIC_SLA_BREACH:
            return {
                title: formatLabel(SLA_TITLE, intentText(p.intent), name(p.network)),
                reason: formatLabel(
                    SLA_REASON,
                    durationText(p.waitedMinutes),
                    durationText(p.slaMinutes),
                    name(p.network)
                )
            };
        case RULES.FAILED_REPLY: {
            // The receiver's reason is untrusted text: it stays a part of its own (dir auto).
            const reasonParts = p.error
                ? formatLabelParts(FAILED_REPLY_REASON, durationText(p.minutesAgo), name(p.network), p.error)
                : formatLabelParts(FAILED_REPLY_NO_REASON, durationText(p.minutesAgo), name(p.network));
            return {
                title: formatLabel(FAILED_REPLY_TITLE, name(p.network)),
                reason: partsText(reasonParts),
                reasonParts
            };
        }
        case RULES.PERSONAL_DATA_PUBLIC:
            return {
                title: PERSONAL_TITLE,
                reason: formatLabel(p.ours ? PERSONAL_REASON_OURS : PERSONAL_REASON_THEIRS, name(p.network))
            };
        case RULES.PRIVATE_WENT_PUBLIC:
            return {
                title: PUBLIC_AGAIN_TITLE,
                reason: formatLabel(
                    PUBLIC_AGAIN_REASON,
                    name(p.network),
                    durationText(p.minutesAfterPrivate),
                    name(p.privateNetwork)
                )
            };
        case RULES.ANSWER_ONCE:
            return {
                title: ANSWER_ONCE_TITLE,
                reason: formatLabel(
                    ANSWER_ONCE_REASON,
                    name(p.otherNetwork),
                    name(p.network),
                    durationText(p.minutesApart)
                )
            };
        case RULES.PURCHASE_INTENT:
            return {
                title: PURCHASE_TITLE,
                reason: formatLabel(PURCHASE_REASON, name(p.network), durationText((p.hoursAgo || 0) * 60))
            };
        case RULES.RECOGNISE_ADVOCATE:
            return {
                title: ADVOCATE_TITLE,
                reason: formatLabel(ADVOCATE_REASON, p.count, p.days, (p.networks || []).map(name).join(', '))
            };
        default:
            return { title: suggestion.rule, reason: '' };
    }
}
