// lightning/uiObjectInfoApi for the preview: getObjectInfo and getObjectInfos wire adapters served
// by the local org's UI API object-info resources for the signed-in user, so a component sees the
// same createable/updateable/queryable answers (or the same 404 for an object it cannot access) as
// on the platform. Data arrives as { data, error }, error in Lightning Data Service's fetch shape.
import { callOrg, fetchError } from './transport';

// Object info is the same for the page's whole life (a user switch reloads the page): read each
// resource once, as Lightning Data Service caches it, instead of once per component on the page.
const answers = new Map();

function cachedCall(path) {
    if (!answers.has(path)) {
        answers.set(path, callOrg('GET', path));
    }
    return answers.get(path);
}

function apiNameOf(objectApiName) {
    return typeof objectApiName === 'string' ? objectApiName : objectApiName?.objectApiName;
}

class ObjectInfoAdapter {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.connected = false;
        this.config = undefined;
    }

    connect() {
        this.connected = true;
        this.fetch();
    }

    disconnect() {
        this.connected = false;
    }

    update(config) {
        this.config = config;
        this.fetch();
    }

    async fetch() {
        const requested = this.config;
        const path = requested && this.pathFor(requested);
        // As on the platform: a wire whose parameters are not set yet does not run.
        if (!this.connected || !path) {
            return;
        }
        const result = await cachedCall(path);
        if (requested !== this.config || !this.connected) {
            return;
        }
        this.dataCallback(
            result.ok ? { data: result.body, error: undefined } : { data: undefined, error: fetchError(result) }
        );
    }
}

export class getObjectInfo extends ObjectInfoAdapter {
    pathFor(config) {
        const name = apiNameOf(config.objectApiName);
        return name ? `/ui-api/object-info/${encodeURIComponent(name)}` : undefined;
    }
}

/** Batch: `data.results` holds `{ statusCode, result }` per object, in the order asked. */
export class getObjectInfos extends ObjectInfoAdapter {
    pathFor(config) {
        const names = (config.objectApiNames ?? []).map(apiNameOf).filter(Boolean);
        return names.length ? `/ui-api/object-info/batch/${names.map(encodeURIComponent).join(',')}` : undefined;
    }
}
