// Launches Debian's Chromium through playwright-core, for the browser tests and the render
// benchmark: never a downloaded browser, a fresh profile each time (playwright makes one), and the
// flags this closed network needs (no background networking, no component updates).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium() {
    const scratch = mkdtempSync(join(tmpdir(), 'social-bridge-chromium-'));
    // Chromium writes dconf and font caches under XDG folders; keep them out of $HOME.
    for (const variable of ['XDG_CACHE_HOME', 'XDG_CONFIG_HOME']) {
        process.env[variable] ??= join(scratch, variable.toLowerCase());
        mkdirSync(process.env[variable], { recursive: true });
    }
    return chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
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
}
