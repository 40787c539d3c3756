// Launches Debian's Chromium through playwright-core, for the browser tests and the render
// benchmark: never a downloaded browser, a fresh profile each time (playwright makes one), and the
// flags this closed network needs (no background networking, no component updates).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * @param {{ tmpRoot?: string }} [options] tmpRoot: where the scratch folder goes (tests pass their own)
 * @returns {Promise<import('playwright-core').Browser>} closing it (or its process ending) removes
 *   the scratch folder, so runs leave no /tmp/social-bridge-chromium-* behind
 */
export async function launchChromium({ tmpRoot = tmpdir() } = {}) {
    const scratch = mkdtempSync(join(tmpRoot, 'social-bridge-chromium-'));
    // Chromium writes dconf and font caches under XDG folders; keep them out of $HOME. Given to this
    // browser's process only: a later launch gets its own scratch, not this (removed) one.
    const env = { ...process.env };
    for (const variable of ['XDG_CACHE_HOME', 'XDG_CONFIG_HOME']) {
        env[variable] = process.env[variable] ?? join(scratch, variable.toLowerCase());
        mkdirSync(env[variable], { recursive: true });
    }
    const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
    let browser;
    try {
        browser = await chromium.launch({
            executablePath: CHROMIUM_PATH,
            headless: true,
            env,
            args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-quic',
                '--no-first-run',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync'
            ]
        });
    } catch (error) {
        removeScratch();
        throw error;
    }
    browser.on('disconnected', removeScratch);
    return browser;
}
