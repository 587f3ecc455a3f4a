import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../features/accounts/testing';
import { report } from '../features/review/testing';
import { siteClient } from '../site/testing/site-client';
import { createTestApp } from '../testing/test-app';
import { createUser, type TestUser } from '../testing/users';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: TestUser;
let admin: TestUser;
beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
  reviewer = createUser(t, { role: 'reviewer' });
  admin = createUser(t, { role: 'admin' });
});
afterEach(() => t.dispose());

const png = SAMPLE_FILES.png;
const pngHash = createHash('sha256').update(png).digest('hex');

async function uploadEvidence() {
  const response = await t.app.request(`/api/evidence/${pngHash}`, {
    method: 'PUT',
    headers: { ...analyst.auth, 'content-type': 'image/png' },
    body: new Uint8Array(png),
  });
  expect(response.status).toBe(201);
}

describe('answers carrying personal data', () => {
  it('are never stored by a browser or proxy cache: API answers and evidence', async () => {
    await uploadEvidence();
    const { materialId } = await report(t, analyst, {
      evidence: { sha256: pngHash, mime: 'image/png', bytes: png.byteLength },
    });
    const answers: [string, TestUser][] = [
      ['/api/me', analyst],
      ['/api/me/data', analyst],
      ['/api/admin/users', admin],
      [`/api/materials/${materialId}`, reviewer],
      [`/api/evidence/${pngHash}`, reviewer],
    ];
    for (const [path, caller] of answers) {
      const response = await t.app.request(path, { headers: caller.auth });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('are never stored when the site shows them: evidence images and pages', async () => {
    await uploadEvidence();
    const { materialId } = await report(t, analyst, {
      evidence: { sha256: pngHash, mime: 'image/png', bytes: png.byteLength },
    });
    const browser = siteClient(t);
    browser.signInAs(reviewer.id);
    for (const path of [`/review/evidence/${pngHash}`, `/review/materials/${materialId}`, '/me']) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('cache-control'), path).toBe('no-store');
    }
  });
});
