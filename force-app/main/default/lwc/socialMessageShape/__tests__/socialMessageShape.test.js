// Message shapes as reps get them: thanks and acknowledgements in several languages and scripts,
// emoji only, questions, complaints, and thanks that are not (sarcasm, "thanks, but …").
import { SHAPE, expectsAnswer, messageShape } from 'c/socialMessageShape';

const inbound = (overrides) => ({
    direction: 'Inbound',
    visibility: 'Public',
    status: 'New',
    intent: null,
    sentiment: null,
    body: '',
    ...overrides
});

describe('c/socialMessageShape', () => {
    it.each([
        ['Thanks!', SHAPE.ACKNOWLEDGEMENT],
        ['thank you so much 🙏', SHAPE.ACKNOWLEDGEMENT],
        ['Perfect, thanks for the quick answer!', SHAPE.ACKNOWLEDGEMENT],
        ['Ok, got it 👌', SHAPE.ACKNOWLEDGEMENT],
        ["That's sorted, cheers", SHAPE.ACKNOWLEDGEMENT],
        ['It works now, thanks a lot!!', SHAPE.ACKNOWLEDGEMENT],
        ['Merci beaucoup pour votre aide !', SHAPE.ACKNOWLEDGEMENT],
        ['Vielen Dank für die schnelle Antwort', SHAPE.ACKNOWLEDGEMENT],
        ['¡Muchas gracias!', SHAPE.ACKNOWLEDGEMENT],
        ['ありがとうございます！', SHAPE.ACKNOWLEDGEMENT],
        ['谢谢', SHAPE.ACKNOWLEDGEMENT],
        ['شكرا 🙏', SHAPE.ACKNOWLEDGEMENT],
        ['תודה רבה', SHAPE.ACKNOWLEDGEMENT],
        ['Спасибо большое!', SHAPE.ACKNOWLEDGEMENT],
        ['👍', SHAPE.EMOJI_ONLY],
        ['🙏🏽 ❤️', SHAPE.EMOJI_ONLY],
        ['🇫🇷', SHAPE.EMOJI_ONLY],
        ['😡😡😡', SHAPE.EMOJI_ONLY],
        ['Where is my refund?', SHAPE.QUESTION],
        ['Thanks! Any update on the order?', SHAPE.QUESTION],
        ['¿Dónde está mi pedido?', SHAPE.QUESTION],
        ['いつ届きますか？', SHAPE.QUESTION],
        ['هل يمكنكم المساعدة؟', SHAPE.QUESTION],
        ["Thanks, but it still doesn't work", SHAPE.OTHER],
        ['Thanks for nothing.', SHAPE.OTHER],
        ['Merci, mais toujours rien reçu', SHAPE.OTHER],
        ['Still waiting for the replacement you promised in DM', SHAPE.OTHER],
        ['Thanks thanks thanks thanks thanks thanks thanks thanks thanks thanks thanks thanks thanks', SHAPE.OTHER],
        ['', SHAPE.OTHER],
        [null, SHAPE.OTHER]
    ])('reads %p as %s', (body, shape) => {
        expect(messageShape(body)).toBe(shape);
    });

    it.each([
        ['a thank-you', { body: 'Thanks!' }, false],
        ['an acknowledgement', { body: 'Perfect, thanks for the quick answer!' }, false],
        ['happy emoji only', { body: '👍🙏' }, false],
        ['angry emoji only', { body: '😡😡' }, true],
        ['a question', { body: 'Any news on my order?' }, true],
        ['a complaint without intent', { body: 'Third time I write. Nobody answers.' }, true],
        ['thanks with a but', { body: "Thanks, but it still doesn't work" }, true],
        ['a thank-you someone marked as a complaint', { body: 'Thanks!', intent: 'Complaint' }, true],
        ['a thank-you marked Needs_Response', { body: 'Thanks!', status: 'Needs_Response' }, true],
        ['a thank-you with a negative sentiment (sarcasm)', { body: 'Thanks!', sentiment: 'Negative' }, true],
        [
            'a long message marked as praise',
            { body: 'Your team went above and beyond for me', intent: 'Praise' },
            false
        ],
        ['an empty body', { body: '' }, true]
    ])('says whether %s expects an answer', (_name, overrides, expected) => {
        expect(expectsAnswer(inbound(overrides))).toBe(expected);
    });
});
