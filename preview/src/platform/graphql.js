// lightning/graphql for the preview: the `graphql` wire adapter and `refreshGraphQL`, executed by
// the local org's UI API GraphQL endpoint, so a component's real query text runs unchanged.
import { callOrg } from './transport';

const adapterByResult = new WeakMap();

export function gql(strings, ...values) {
    return strings.reduce((query, part, index) => query + part + (index < values.length ? values[index] : ''), '');
}

export class graphql {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.config = undefined;
        this.connected = false;
    }

    connect() {
        this.connected = true;
        if (this.config) {
            this.fetch();
        }
    }

    disconnect() {
        this.connected = false;
    }

    update(config) {
        this.config = config;
        if (this.connected) {
            this.fetch();
        }
    }

    async fetch() {
        const { query, variables, operationName } = this.config ?? {};
        // As on the platform: a wire whose query is not set yet does not run.
        if (!query) {
            return undefined;
        }
        const requested = this.config;
        let result;
        try {
            const response = await callOrg('POST', '/graphql', { query, variables, operationName });
            result = response.ok
                ? { data: response.body.errors?.length ? undefined : response.body.data, errors: response.body.errors }
                : { data: undefined, errors: [{ message: JSON.stringify(response.body) }] };
        } catch (error) {
            result = { data: undefined, errors: [{ message: error.message }] };
        }
        // A newer config may have arrived while this one was in flight; only the newest answers.
        if (requested !== this.config || !this.connected) {
            return undefined;
        }
        // As lightning/graphql does, each result carries refresh(): components re-read with it.
        const emitted = { ...result, refresh: () => this.fetch() };
        adapterByResult.set(emitted, this);
        this.dataCallback(emitted);
        return emitted;
    }
}

export function refreshGraphQL(result) {
    const adapter = adapterByResult.get(result);
    return adapter ? adapter.fetch() : Promise.resolve(undefined);
}
