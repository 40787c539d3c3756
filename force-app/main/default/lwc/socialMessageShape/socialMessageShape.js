// What a customer's message is, by its shape, when nobody set its intent: a thank-you or an
// acknowledgement ("Perfect, thanks for the quick answer!"), emoji only, a question, or anything
// else. The "why now" rules ask this before treating an open message as one that waits for us:
// a thank-you after a DM is the end of a conversation, not the customer taking it public again.
// Conservative on purpose: a message is an acknowledgement only when every word of it is one
// ("Thanks, but it still doesn't work" and "Thanks for nothing" are not), so doubt keeps a rule on.

export const SHAPE = Object.freeze({
    ACKNOWLEDGEMENT: 'acknowledgement',
    EMOJI_ONLY: 'emojiOnly',
    QUESTION: 'question',
    OTHER: 'other'
});

// Words that carry the thanks or the "got it" (at least one must be present), in the languages
// our channels see most; lower case, as written after punctuation and emoji are taken out.
// prettier-ignore
const ACK_WORDS = new Set([
    // English
    'thanks', 'thank', 'thx', 'thnx', 'ty', 'tysm', 'cheers', 'appreciated', 'appreciate',
    'perfect', 'great', 'awesome', 'brilliant', 'excellent', 'ok', 'okay', 'k', 'kk', 'noted',
    'understood', 'got', 'sorted', 'fixed', 'solved', 'resolved', 'works', 'worked', 'lovely',
    'nice', 'super', 'cool',
    // French, German, Spanish, Italian, Portuguese, Dutch
    'merci', 'parfait', 'génial', 'danke', 'dankeschön', 'perfekt', 'prima', 'gracias',
    'perfecto', 'genial', 'vale', 'grazie', 'perfetto', 'obrigado', 'obrigada', 'perfeito',
    'bedankt', 'dank', 'dankjewel', 'dankuwel',
    // Scripts without spaces between words, or not Latin: the whole word as people write it
    'ありがとう', 'ありがとうございます', 'ありがとうございました', '了解です', '谢谢', '谢谢你', '多谢',
    '감사합니다', '고맙습니다', 'спасибо', 'شكرا', 'شكراً', 'תודה', 'धन्यवाद', 'teşekkürler', 'dziękuję'
]);

// Words that may sit around the thanks without changing what the message is (an apostrophe
// splits a word: "that's" is "that" and "s").
// prettier-ignore
const FILLER_WORDS = new Set([
    'you', 'u', 'so', 'very', 'much', 'many', 'a', 'lot', 'lots', 'again', 'all', 'for', 'the',
    'your', 'quick', 'fast', 'speedy', 'answer', 'reply', 'response', 'help', 'helping', 'support',
    'it', 'that', 'this', 'now', 'sounds', 'good', 'will', 'do', 'guys', 'team', 'folks',
    'everyone', 'and', 'just', 'really', 'thats', 's', 'is', 'was', 'set', 'yes', 'yep', 'sure',
    'beaucoup', 'pour', 'votre', 'la', 'le', 'réponse', 'rapide',
    'aide', 'vielen', 'für', 'die', 'schnelle', 'antwort', 'hilfe', 'muchas', 'por',
    'respuesta', 'ayuda', 'mille', 'per', 'muito', 'pela', 'resposta', 'wel', 'voor', 'de',
    'snelle', 'hulp', 'schön', 'sehr', 'tante', 'todo', 'bien', 'רבה', 'большое'
]);

// Emoji that carry a complaint: a message of these alone still wants a look.
const UNHAPPY_EMOJI = ['😡', '😠', '🤬', '👎', '😤', '😞', '😢', '😭', '🙄', '💩', '😒', '😩', '😫'];

const QUESTION_MARKS = /[?？¿؟]/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\u20e3/gu;
const NOT_WORD = /[\p{P}\p{S}]+/gu;
const MAX_ACK_WORDS = 12;

function words(text) {
    return text.replace(EMOJI, ' ').replace(NOT_WORD, ' ').toLowerCase().split(/\s+/u).filter(Boolean);
}

function isEmojiOnly(text) {
    const emoji = text.match(EMOJI);
    return Boolean(emoji && emoji.length) && text.replace(EMOJI, '').replace(/\s+/gu, '') === '';
}

function isAcknowledgement(text) {
    const list = words(text);
    return (
        list.length > 0 &&
        list.length <= MAX_ACK_WORDS &&
        list.some((word) => ACK_WORDS.has(word)) &&
        list.every((word) => ACK_WORDS.has(word) || FILLER_WORDS.has(word))
    );
}

/**
 * @param {string} body the message text (untrusted; only read here, never rendered)
 * @returns {string} one of SHAPE
 */
export function messageShape(body) {
    const text = String(body || '').trim();
    if (!text) {
        return SHAPE.OTHER;
    }
    if (QUESTION_MARKS.test(text)) {
        return SHAPE.QUESTION;
    }
    if (isEmojiOnly(text)) {
        return SHAPE.EMOJI_ONLY;
    }
    return isAcknowledgement(text) ? SHAPE.ACKNOWLEDGEMENT : SHAPE.OTHER;
}

const ANSWER_INTENTS = ['Question', 'Complaint', 'Purchase_Intent'];
const UNHAPPY_SENTIMENTS = ['Negative', 'Mixed'];

/**
 * Whether an inbound message asks something of us. What a person or the import said wins
 * (intent Question/Complaint/Purchase_Intent, status Needs_Response, an unhappy sentiment: yes;
 * intent Praise: no); otherwise the message's shape decides, and only a thank-you, an
 * acknowledgement or happy emoji is taken as asking nothing.
 * @param {object} interaction plain interaction (c/socialInteractionModel)
 */
export function expectsAnswer(interaction) {
    if (
        ANSWER_INTENTS.includes(interaction.intent) ||
        interaction.status === 'Needs_Response' ||
        UNHAPPY_SENTIMENTS.includes(interaction.sentiment)
    ) {
        return true;
    }
    if (interaction.intent === 'Praise') {
        return false;
    }
    const body = String(interaction.body || '');
    switch (messageShape(body)) {
        case SHAPE.ACKNOWLEDGEMENT:
            return false;
        case SHAPE.EMOJI_ONLY:
            return UNHAPPY_EMOJI.some((emoji) => body.includes(emoji));
        default:
            return true;
    }
}
