// The sfdx-lwc-jest stub's Navigate does nothing; this one records every navigation so tests can
// assert where a component sent the user. Read it with getNavigateCalledWith().
export const CurrentPageReference = jest.fn();

let lastPageReference;
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = (Base) => {
    return class extends Base {
        [Navigate](pageReference, replace) {
            lastPageReference = { pageReference, replace };
        }
        [GenerateUrl](pageReference) {
            return Promise.resolve(`/mock/${pageReference?.attributes?.recordId ?? ''}`);
        }
    };
};
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export const getNavigateCalledWith = () => lastPageReference;
export const resetNavigation = () => {
    lastPageReference = undefined;
};
