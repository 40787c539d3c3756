// Builds the preview: the force-app LWCs, unchanged, with lightning-base-components and the
// preview's own platform modules (GraphQL, record writes, object info, navigation, toasts, refresh) that talk to
// the local org. Output: preview/dist (ES chunks, because base components load icons lazily).
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import salesforceModules from './salesforceModules.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const bundlesDir = join(root, 'force-app/main/default/lwc');

// force-app keeps bundles flat (lwc/<bundle>), where the LWC resolver expects namespace folders:
// name each bundle `c/<bundle>` explicitly.
const forceAppBundles = readdirSync(bundlesDir)
    .filter((name) => statSync(join(bundlesDir, name)).isDirectory() && !name.startsWith('__'))
    .map((name) => ({ name: `c/${name}`, path: join(bundlesDir, name, `${name}.js`) }));

const platform = (name, file) => ({ name, path: join(here, 'src/platform', file) });

export default {
    input: join(here, 'src/main.js'),
    output: { dir: join(here, 'dist'), format: 'es', sourcemap: false },
    onwarn(warning, warn) {
        // The base components' own templates warn (duplicate slots LWC1137, a `type` on a div
        // LWC1057): harmless, and not ours to fix.
        const fromBaseComponents = (warning.id ?? warning.loc?.file ?? '').includes('lightning-base-components');
        if (!fromBaseComponents && !/LWC1137/.test(warning.message)) {
            warn(warning);
        }
    },
    plugins: [
        salesforceModules({ labelsDir: join(root, 'force-app/main/default/labels') }),
        replace({
            preventAssignment: true,
            values: { 'import.meta.env.SSR': 'false', 'process.env.NODE_ENV': JSON.stringify('production') }
        }),
        lwc({
            rootDir: root,
            modules: [
                platform('lightning/graphql', 'graphql.js'),
                platform('lightning/uiGraphQLApi', 'graphql.js'),
                platform('lightning/uiRecordApi', 'uiRecordApi.js'),
                platform('lightning/uiObjectInfoApi', 'uiObjectInfoApi.js'),
                platform('lightning/navigation', 'navigation.js'),
                platform('lightning/platformShowToastEvent', 'toast.js'),
                platform('lightning/refresh', 'refresh.js'),
                platform('lightning/pageReferenceUtils', 'pageReferenceUtils.js'),
                ...forceAppBundles,
                { dir: join(here, 'src/modules') },
                { npm: 'lightning-base-components' }
            ]
        })
    ]
};
