// Puts the one personal-data detector (force-app's LWC module socialPersonalDataGuard.js) into the
// built plugin, as plugin/lib/personalData/socialPersonalDataGuard.js, where the import's compiled
// code imports it. Part of the plugin's build, so lib/ (and the npm package made from it) always
// carries the composer's current detector; the plugin's sources hold only its types.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(
  new URL('../force-app/main/default/lwc/socialPersonalDataGuard/socialPersonalDataGuard.js', import.meta.url),
);
const target = fileURLToPath(new URL('../plugin/lib/personalData/', import.meta.url));
mkdirSync(target, { recursive: true });
copyFileSync(source, `${target}socialPersonalDataGuard.js`);
