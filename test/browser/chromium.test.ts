// The Chromium helper the browser tests and the render benchmark share: it starts Debian's Chromium
// with a scratch folder of its own, and closing the browser removes that folder (issue 19: every run
// left a /tmp/social-bridge-chromium-* folder behind).
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../../preview/chromium.mjs';

const tmpRoot = mkdtempSync(join(tmpdir(), 'social-bridge-chromium-helper-'));

afterAll(() => {
  rmSync(tmpRoot, { recursive: true, force: true });
});

describe('launchChromium', () => {
  it('leaves no scratch folder behind once the browser is closed', async () => {
    const browser = await launchChromium({ tmpRoot });
    try {
      expect(readdirSync(tmpRoot)).toEqual([expect.stringMatching(/^social-bridge-chromium-/)]);
      const page = await browser.newPage();
      await page.setContent('<p>ready</p>');
      await expect(page.locator('p').textContent()).resolves.toBe('ready');
    } finally {
      await browser.close();
    }
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('gives each launch its own scratch folder, and removes each', async () => {
    const first = await launchChromium({ tmpRoot });
    const second = await launchChromium({ tmpRoot });
    expect(readdirSync(tmpRoot)).toHaveLength(2);
    await first.close();
    expect(readdirSync(tmpRoot)).toHaveLength(1);
    await second.close();
    expect(readdirSync(tmpRoot)).toEqual([]);
  });
});
