import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteClient } from '../../site/testing/site-client';
import { pullAs } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { getJson } from '../review/testing';
import {
  CAPTURE,
  htmlBytes,
  mhtmlBytes,
  pngBytes,
  reportWithEvidence,
  upload,
} from './testing/fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: TestUser;
beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
  reviewer = createUser(t, { role: 'reviewer' });
});
afterEach(() => t.dispose());

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const text = (s: string) => new TextEncoder().encode(s);

describe('page copies as evidence', () => {
  it('keeps a report’s several files and capture facts, and gives them back through pull', async () => {
    const { report, listing } = await reportWithEvidence(t, analyst);
    const { body } = await pullAs(t, analyst);
    const pulled = body.changes.find((c: { id: string }) => c.id === report.id);
    expect(pulled.files).toEqual(listing);
    expect(pulled.capture).toEqual(CAPTURE);
    expect(readdirSync(join(t.dataDir, 'evidence')).sort()).toEqual(
      listing.map((f) => f.sha256).sort(),
    );
  });

  it('accepts MHTML and HTML copies only when their content is what the header says', async () => {
    const mhtml = mhtmlBytes('a');
    const html = htmlBytes('a');
    expect(await upload(t, analyst, mhtml, 'text/html')).toBe(415);
    expect(await upload(t, analyst, html, 'multipart/related')).toBe(415);
    expect(await upload(t, analyst, pngBytes('x'), 'text/html')).toBe(415);
    expect(await upload(t, analyst, text('just words, no page'), 'text/html')).toBe(415);
    expect(
      await upload(
        t,
        analyst,
        text('Content-Type: multipart/related\r\n\r\nno boundary'),
        'multipart/related',
      ),
    ).toBe(415);
    expect(await upload(t, analyst, new Uint8Array([0x3c, 0x68, 0xff, 0xfe]), 'text/html')).toBe(
      415,
    );
    expect(await upload(t, analyst, mhtml, 'multipart/related; boundary=x')).toBe(201);
    expect(await upload(t, analyst, html, 'text/html; charset=utf-8')).toBe(201);
  });

  it('takes page copies up to 30 MiB and images up to 10 MiB', async () => {
    const head = htmlBytes('big');
    const big = (size: number) => {
      const bytes = new Uint8Array(size).fill(0x20);
      bytes.set(head);
      return bytes;
    };
    expect(await upload(t, analyst, big(30 * 1024 * 1024), 'text/html')).toBe(201);
    expect(await upload(t, analyst, big(30 * 1024 * 1024 + 1), 'text/html')).toBe(413);
    const image = new Uint8Array(10 * 1024 * 1024 + 1);
    image.set(pngBytes());
    expect(await upload(t, analyst, image, 'image/png')).toBe(413);
  });

  it('lets the report list only files of a known kind and size', async () => {
    const { body } = await import('../../testing/reports').then(
      ({ pushAs, sampleReport, upsertOf }) =>
        pushAs(t, analyst, [
          upsertOf(
            sampleReport({
              files: [{ sha256: sha(text('x')), mime: 'text/html', bytes: 1, kind: 'screenshot' }],
            }),
          ),
          upsertOf(
            sampleReport({
              files: [
                {
                  sha256: sha(text('y')),
                  mime: 'image/png',
                  bytes: 10 * 1024 * 1024 + 1,
                  kind: 'screenshot',
                },
              ],
            }),
          ),
        ]),
    );
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('serving page copies', () => {
  it('gives reviewers page copies through the API only as inert downloads', async () => {
    const { files } = await reportWithEvidence(t, analyst);
    for (const bytes of [files.mhtml, files.html]) {
      const response = await t.app.request(`/api/evidence/${sha(bytes)}`, {
        headers: reviewer.auth,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="[0-9a-f]{64}\.(mhtml|html)"$/,
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain('sandbox');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    }
    const image = await t.app.request(`/api/evidence/${sha(files.screenshot)}`, {
      headers: reviewer.auth,
    });
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  it('shows an HTML copy in the console only sandboxed, with no scripts, and MHTML only as a download', async () => {
    const { files, materialId } = await reportWithEvidence(t, analyst);
    const site = siteClient(t);
    site.signInAs(reviewer.id);
    const view = await site.get(`/review/evidence/${sha(files.html)}/view`);
    expect(view.status).toBe(200);
    const csp = view.headers.get('content-security-policy') ?? '';
    expect(csp.split(';').map((d) => d.trim())).toContain('sandbox');
    expect(csp).not.toMatch(/allow-scripts|allow-same-origin|script-src/);
    expect(csp).toContain("default-src 'none'");
    expect(view.headers.get('x-content-type-options')).toBe('nosniff');

    const mhtml = await site.get(`/review/evidence/${sha(files.mhtml)}/view`);
    expect(mhtml.headers.get('content-type')).toBe('application/octet-stream');
    expect(mhtml.headers.get('content-disposition')).toMatch(/^attachment;/);
    const download = await site.get(`/review/evidence/${sha(files.html)}`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);

    const page = await site.get(`/review/materials/${materialId}`);
    const frames = page.html.match(/<iframe[^>]*>/g) ?? [];
    expect(frames).toHaveLength(1);
    expect(frames[0]).toContain('sandbox=""');
    expect(frames[0]).toContain(`/review/evidence/${sha(files.html)}/view`);
    expect(page.html).toContain(`/review/materials/${materialId}/evidence-package`);
    expect(page.html).toContain(CAPTURE.extensionVersion);
    expect(page.html).toContain(CAPTURE.browser.version);
  });

  it('refuses page copies to analysts and to anyone signed out', async () => {
    const { files } = await reportWithEvidence(t, analyst);
    expect((await getJson(t, analyst, `/api/evidence/${sha(files.html)}`)).status).toBe(403);
    expect((await t.app.request(`/api/evidence/${sha(files.html)}`)).status).toBe(401);
    const anonymous = await siteClient(t).get(`/review/evidence/${sha(files.html)}/view`);
    // A redirect to sign in, not the copy.
    expect(anonymous.status).toBe(303);
    expect(anonymous.html).not.toContain('PWNED');
  });
});
