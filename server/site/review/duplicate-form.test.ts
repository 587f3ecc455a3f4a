import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { report } from '../../features/review/testing';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { type SiteClient, siteClient, textOf } from '../testing/site-client';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: SiteClient;
beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
  reviewer = siteClient(t);
  reviewer.signInAs(createUser(t, { role: 'reviewer' }).id);
});
afterEach(() => t.dispose());

/** Submits the material page's decision form with these fields. */
const decide = async (materialId: string, fields: Record<string, string>) => {
  const page = await reviewer.get(`/review/materials/${materialId}?lang=en`);
  const version = /name="expectedVersion" value="(\d+)"/.exec(page.html)?.[1] ?? '';
  return reviewer.post(`/review/materials/${materialId}/decision?lang=en`, {
    comment: 'Копия',
    expectedVersion: version,
    ...fields,
  });
};

describe('the duplicate decision on the site', () => {
  it('offers materials of the same site as the original and records the chosen one', async () => {
    const original = await report(t, analyst, { url: 'https://a.casino.kz/', title: 'Первое' });
    const copy = await report(t, analyst, { url: 'https://b.casino.kz/', title: 'Второе' });
    await decide(copy.materialId, { status: 'under_review', comment: '' });

    const page = await reviewer.get(`/review/materials/${copy.materialId}?lang=en`);
    expect(page.html).toContain(
      `<option value="${original.materialId}">Первое (Submitted)</option>`,
    );
    expect(textOf(page.html)).toContain('casino.kz');

    const missing = await decide(copy.materialId, { status: 'duplicate' });
    expect(missing.status).toBe(400);
    expect(textOf(missing.html)).toContain('Name the original material of this duplicate.');
    const itself = await decide(copy.materialId, {
      status: 'duplicate',
      duplicateOfOther: copy.materialId,
    });
    expect(itself.status).toBe(400);
    expect(textOf(itself.html)).toContain(
      'That is not another material, or it is itself a duplicate.',
    );

    const done = await decide(copy.materialId, {
      status: 'duplicate',
      duplicateOf: original.materialId,
    });
    expect(done.status).toBe(303);
    const originalPage = await reviewer.get(`/review/materials/${original.materialId}?lang=en`);
    expect(originalPage.html).toContain(`data-related="${copy.materialId}"`);
    expect(textOf(originalPage.html)).toContain('Duplicates of this material');
  });
});
