import { caseContactOf } from 'c/socialCaseContact';

const caseContact = require('./data/caseContact.json');
const caseNoContact = require('./data/caseNoContact.json');

describe('c/socialCaseContact', () => {
    it("reads the case's contact and its name", () => {
        expect(caseContactOf(caseContact)).toEqual({ id: '003HU000001AnaRAA', name: 'Ana Ruiz' });
    });

    it('says "no contact" for a case without one, or a case the user cannot see', () => {
        expect(caseContactOf(caseNoContact)).toEqual({ id: null, name: null });
        expect(caseContactOf({ uiapi: { query: { Case: { edges: [] } } } })).toEqual({ id: null, name: null });
    });

    it('keeps the contact when only its name is hidden from the user', () => {
        const nameHidden = JSON.parse(JSON.stringify(caseContact));
        nameHidden.uiapi.query.Case.edges[0].node.Contact = null;
        expect(caseContactOf(nameHidden)).toEqual({ id: '003HU000001AnaRAA', name: null });
    });

    it('has nothing until the answer arrives', () => {
        expect(caseContactOf(undefined)).toBeUndefined();
        expect(caseContactOf({ uiapi: { query: {} } })).toBeUndefined();
    });
});
