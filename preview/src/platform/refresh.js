// lightning/refresh for the preview: RefreshEvent bubbles to the shell, which calls every
// registered refresh handler, as the platform does for a record page.
const handlers = new Set();

export class RefreshEvent extends CustomEvent {
    constructor() {
        super('lightning__refreshevent', { bubbles: true, composed: true });
    }
}

export function registerRefreshHandler(element, handler) {
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
