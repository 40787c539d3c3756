import { describeSuggestion } from 'c/socialSuggestionText';
import { RULES } from 'c/socialSuggestions';

const names = { x: 'X', facebook: 'Facebook', email: 'Email' };
const channelName = (key) => names[key];

describe('c/socialSuggestionText', () => {
    it.each([
        [
            {
                rule: RULES.PUBLIC_SLA_BREACH,
                params: { network: 'x', intent: 'Question', waitedMinutes: 120, slaMinutes: 60 }
            },
            'Answer the public question on X',
            'Waiting 2 h; the X response time is 1 h.'
        ],
        [
            { rule: RULES.PERSONAL_DATA_PUBLIC, params: { network: 'facebook', ours: false } },
            'Personal data in a public post',
            'A public post on Facebook shows personal data. Ask the customer to delete it and continue in private.'
        ],
        [
            { rule: RULES.PERSONAL_DATA_PUBLIC, params: { network: 'x', ours: true } },
            'Personal data in a public post',
            'Our own public reply on X shows personal data. Delete it on the network and continue in private.'
        ],
        [
            {
                rule: RULES.PRIVATE_WENT_PUBLIC,
                params: { network: 'x', privateNetwork: 'email', minutesAfterPrivate: 150 }
            },
            'The customer took it public again',
            'They posted publicly on X 2 h 30 min after a private conversation on Email. Reply with care, then continue in private.'
        ],
        [
            { rule: RULES.ANSWER_ONCE, params: { network: 'facebook', otherNetwork: 'x', minutesApart: 20 } },
            'Answer once',
            'They wrote on X and Facebook within 20 min. Answer once, on the newest, and close the other.'
        ],
        [
            { rule: RULES.PURCHASE_INTENT, params: { network: 'x', hoursAgo: 3 } },
            'Sales follow-up',
            'Asked about buying on X 3 h ago. Follow up or hand it to sales.'
        ],
        [
            { rule: RULES.RECOGNISE_ADVOCATE, params: { count: 3, days: 30, networks: ['x', 'facebook'] } },
            'Recognise an advocate',
            '3 kudos in 30 days on X, Facebook. Say thanks, or mark them as an advocate.'
        ]
    ])('describes %j', (suggestion, title, reason) => {
        expect(describeSuggestion(suggestion, channelName)).toEqual({ title, reason });
    });

    it("words a failed reply, the receiver's reason a part of its own", () => {
        const reason = 'Parent deleted \u202Etxt.exe';
        const text = describeSuggestion(
            { rule: RULES.FAILED_REPLY, params: { network: 'x', minutesAgo: 150, error: reason } },
            channelName
        );
        expect(text.title).toBe('Your reply on X did not reach them');
        expect(text.reason).toBe(
            `Written 2 h 30 min ago and refused by X: ${reason} They are still waiting: retry it or answer another way.`
        );
        expect(text.reasonParts.filter((part) => part.dir === 'auto').map((part) => part.text)).toEqual([
            '2 h 30 min',
            'X',
            reason
        ]);
        expect(
            describeSuggestion(
                { rule: RULES.FAILED_REPLY, params: { network: 'x', minutesAgo: 5, error: '' } },
                channelName
            ).reason
        ).toBe('Written 5 min ago and not delivered to X. They are still waiting: retry it or answer another way.');
    });

    it('falls back to the network key without a channel record', () => {
        const text = describeSuggestion(
            { rule: RULES.PURCHASE_INTENT, params: { network: 'mastodon', hoursAgo: 0 } },
            () => undefined
        );
        expect(text.reason).toContain('on mastodon');
    });
});
