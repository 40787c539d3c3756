// A rollup plugin that answers the `@salesforce/*` scoped imports the platform provides to our
// LWCs: custom labels (read from force-app's CustomLabels metadata), schema references and the
// current user, form factor and i18n. Each becomes a tiny virtual module. The base components'
// own imports are left to lightning-base-components' module map.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const PREFIX = '\0salesforce:';
// Gates the stub in lightning-base-components opens but this page cannot honour: element
// internals (attachInternals) do not exist under synthetic shadow, which the platform also uses.
const CLOSED_GATES = new Set(['@salesforce/gate/bc.260.enableComboboxElementInternals']);
const OURS = /^@salesforce\/(label\/c\.|schema\/|user\/|client\/|i18n\/)/;

function readLabels(labelsDir) {
    const labels = new Map();
    if (!existsSync(labelsDir)) {
        return labels;
    }
    const parser = new XMLParser({ isArray: (name) => name === 'labels' });
    for (const file of readdirSync(labelsDir).filter((name) => name.endsWith('.labels-meta.xml'))) {
        const xml = parser.parse(readFileSync(join(labelsDir, file), 'utf8'));
        for (const label of xml.CustomLabels?.labels ?? []) {
            labels.set(label.fullName, String(label.value ?? ''));
        }
    }
    return labels;
}

function moduleSource(specifier, labels) {
    if (CLOSED_GATES.has(specifier)) {
        return 'export default { isOpen: () => false };';
    }
    const [, kind, rest] = specifier.match(/^@salesforce\/([^/]+)\/?(.*)$/) ?? [];
    switch (kind) {
        case 'label': {
            const name = rest.replace(/^c\./, '');
            if (!labels.has(name)) {
                throw new Error(`Custom label ${name} is imported but not defined in force-app's labels`);
            }
            return `export default ${JSON.stringify(labels.get(name))};`;
        }
        case 'schema': {
            const [objectApiName, ...field] = rest.split('.');
            const reference = field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
            return `export default ${JSON.stringify(reference)};`;
        }
        case 'user':
            return rest === 'Id'
                ? 'export default window.__PREVIEW__?.userId;'
                : 'export default window.__PREVIEW__?.isGuest ?? false;';
        case 'client':
            return "export default window.matchMedia('(max-width: 767px)').matches ? 'Small' : 'Large';";
        case 'i18n':
            return rest === 'timeZone'
                ? 'export default Intl.DateTimeFormat().resolvedOptions().timeZone;'
                : 'export default navigator.language;';
        default:
            throw new Error(`The preview does not provide ${specifier}`);
    }
}

export default function salesforceModules({ labelsDir }) {
    let labels;
    return {
        name: 'salesforce-modules',
        buildStart() {
            labels = readLabels(labelsDir);
        },
        resolveId(source, importer) {
            if (CLOSED_GATES.has(source)) {
                return PREFIX + source;
            }
            const fromBaseComponents = importer?.includes('/lightning-base-components/');
            return OURS.test(source) && !fromBaseComponents ? PREFIX + source : null;
        },
        load(id) {
            return id.startsWith(PREFIX) ? moduleSource(id.slice(PREFIX.length), labels) : null;
        }
    };
}
