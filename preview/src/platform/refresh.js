// lightning/refresh for the preview: RefreshEvent bubbles to the shell, which calls every
// registered refresh handler, as the platform does for a record page.
const handlers = new Set();

export class RefreshEvent extends CustomEvent {
    constructor() {
        super('lightning__refreshevent', { bubbles: true, composed: true });
    }
}

// The documented contract (LWC Developer Guide, registerRefreshHandler()): contextElement is an
// HTMLElement, providerMethod a Function. A component that passes `this` works under Lightning Web
// Security only; here, as under Lightning Locker, `this` is not the element, so it is refused.
export function registerRefreshHandler(element, handler) {
    if (!(element instanceof HTMLElement)) {
        throw new TypeError('registerRefreshHandler: contextElement must be an HTMLElement (this.template.host)');
    }
    if (typeof handler !== 'function') {
        throw new TypeError('registerRefreshHandler: providerMethod must be a function');
    }
    const entry = { element, handler };
    handlers.add(entry);
    return entry;
}

export function unregisterRefreshHandler(entry) {
    handlers.delete(entry);
}

export function registerRefreshContainer() {}

export function refreshAll() {
    return Promise.all([...handlers].map(({ element, handler }) => handler.call(element)));
}
