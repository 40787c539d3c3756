import { LENGTH_COUNTING, replyLength } from '../replyLength';

describe('replyLength', () => {
    it.each([
        ['plain ASCII', 'Hello there', 11],
        ['an empty reply', '', 0],
        ['one URL counts 23, however long', 'see https://example.com/a/very/long/path?with=query&and=more', 4 + 23],
        ['two URLs', 'http://a.io and https://b.io', 23 + 5 + 23],
        ['a bare domain is text', 'example.com', 11],
        ['CJK characters count 2', '你好', 4],
        ['Japanese kana count 2', 'ありがとう', 10],
        ['an emoji counts 2', 'ok 👍', 5],
        ['a joined emoji sequence counts 2', '👩‍💻', 2],
        ['a flag counts 2', '🇪🇸', 2],
        ['accented Latin counts 1', 'Olá, añejo', 10],
        ['curly quotes count 1', '“ok”', 4]
    ])('X weighted: %s', (_name, text, expected) => {
        expect(replyLength(text, LENGTH_COUNTING.X_WEIGHTED)).toBe(expected);
    });

    it.each([
        ['code points, not UTF-16 units', 'ok 👍', 4],
        ['URLs at full length', 'https://example.com', 19],
        ['CJK as 1 each', '你好', 2]
    ])('Characters: %s', (_name, text, expected) => {
        expect(replyLength(text, LENGTH_COUNTING.CHARACTERS)).toBe(expected);
    });

    it('counts code points when the channel names no counting', () => {
        expect(replyLength('你好 👍', undefined)).toBe(4);
        expect(replyLength(null, LENGTH_COUNTING.X_WEIGHTED)).toBe(0);
    });
});
