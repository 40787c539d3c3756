// How long a reply is in the network's own counting, so the rep sees the limit the network will
// enforce: `Characters` counts code points; `X_Weighted` counts every http(s) URL as 23 (the
// network shortens it) and wide characters (CJK, emoji) as 2, as X does.

export const LENGTH_COUNTING = Object.freeze({ CHARACTERS: 'Characters', X_WEIGHTED: 'X_Weighted' });

const URL_WEIGHT = 23;
const URL_PATTERN = /https?:\/\/[^\s]+/gi;
// Code point ranges X counts as 1 (Latin, Greek, Cyrillic, Hebrew, Arabic… and general punctuation).
const NARROW_RANGES = [
    [0x0000, 0x10ff],
    [0x2000, 0x200d],
    [0x2010, 0x201f],
    [0x2032, 0x2037]
];
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

const isNarrow = (codePoint) => NARROW_RANGES.some(([low, high]) => codePoint >= low && codePoint <= high);

function graphemes(text) {
    if (typeof Intl !== 'undefined' && Intl.Segmenter) {
        return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
    }
    return Array.from(text);
}

/** Weighted length of text without URLs: an emoji (even a joined sequence) is 2, like X. */
function weightedTextLength(text) {
    return graphemes(text).reduce((total, grapheme) => {
        if (EMOJI.test(grapheme)) {
            return total + 2;
        }
        return total + Array.from(grapheme).reduce((sum, char) => sum + (isNarrow(char.codePointAt(0)) ? 1 : 2), 0);
    }, 0);
}

/**
 * @param {string} text the reply
 * @param {string} counting a Length_Counting__c value; anything else counts code points
 * @returns {number}
 */
export function replyLength(text, counting) {
    const value = typeof text === 'string' ? text : '';
    if (counting !== LENGTH_COUNTING.X_WEIGHTED) {
        return Array.from(value).length;
    }
    let urls = 0;
    const rest = value.replace(URL_PATTERN, () => {
        urls += 1;
        return '';
    });
    return urls * URL_WEIGHT + weightedTextLength(rest);
}
