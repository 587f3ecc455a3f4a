import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureChromium, HEADLESS_ARGS } from '../../../e2e/support/chromium';
import { createApiServer } from '../../http/http-server';
import { trustedProxies } from '../../http/trusted-proxies';
import { siteClient } from '../../site/testing/site-client';
import { createTestApp } from '../../testing/test-app';
import { createUser } from '../../testing/users';
import { SESSION_COOKIE } from '../web-session/session-cookie';
import { reportWithEvidence } from './testing/fixtures';

// R5, R6 in a real browser: a hostile HTML copy of a page, shown to a reviewer, runs nothing in
// the site's origin — neither framed in the material page nor opened on its own.
let t: Awaited<ReturnType<typeof createTestApp>>;
let server: ReturnType<typeof createApiServer>;
let base: string;
beforeEach(async () => {
  t = await createTestApp();
  server = createApiServer(t.app.fetch, {
    hostname: '127.0.0.1',
    trustedProxies: trustedProxies([]),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.dispose();
});

describe('a page copy in a real browser', { timeout: 60_000 }, () => {
  it('is shown sandboxed: its script never runs, in the frame or opened alone', async () => {
    const analyst = createUser(t);
    const reviewer = createUser(t, { role: 'reviewer' });
    const { materialId, files } = await reportWithEvidence(t, analyst);
    const token = siteClient(t).signInAs(reviewer.id);
    const browser = await chromium.launch({
      executablePath: ensureChromium(),
      args: [...HEADLESS_ARGS],
    });
    try {
      const context = await browser.newContext();
      await context.addCookies([{ name: SESSION_COOKIE, value: token, url: base }]);
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const health: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/health')) health.push(r.url());
      });

      await page.goto(`${base}/review/materials/${materialId}?lang=en`);
      const copyUrl = `/review/evidence/${createHash('sha256').update(files.html).digest('hex')}/view`;
      const frame = page.frameLocator(`iframe[src="${copyUrl}"]`);
      await expect
        .poll(() => frame.locator('h1').textContent({ timeout: 10_000 }))
        .toContain('Казино');
      const framed = page.frames().find((f) => f.url().endsWith(copyUrl));
      expect(await framed?.title()).toBe('Casino');
      expect(await page.title()).not.toContain('PWNED');
      // The screenshot is shown as an image.
      expect(await page.locator('figure.evidence-file img').count()).toBe(1);

      await page.goto(`${base}${copyUrl}`);
      expect(await page.locator('h1').textContent()).toContain('Казино');
      expect(await page.title()).toBe('Casino');
      await page.waitForTimeout(300);
      expect(health).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
