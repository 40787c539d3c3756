// Types of preview/chromium.mjs for the TypeScript tests.
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH: string;
/** Closing the browser removes its scratch folder (under tmpRoot, the OS temp folder by default). */
export function launchChromium(options?: { tmpRoot?: string }): Promise<Browser>;
