import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportInput } from '#shared/schemas/report';
import { createApp } from '../../app';
import { silentLogger } from '../../logger';
import { type JsonAnswer, pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { evidencePath } from '../evidence/evidence-files';
import { listed, pngBytes, upload } from '../evidence/testing/fixtures';
import { getJson, report, walk } from '../review/testing';
import { casinoPage, newsPage } from './testing/pages';

const TO_BLOCKED = ['under_review', 'confirmed', 'sent_for_blocking', 'blocked'] as const;

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
  reviewer = createUser(t, { role: 'reviewer' });
});
afterEach(() => t.dispose());

/** Uploads an HTML page copy as the extension does, and answers the file as a report lists it. */
async function pageCopy(html: string): Promise<NonNullable<ReportInput['files']>[number]> {
  const bytes = new TextEncoder().encode(html);
  expect(await upload(t, analyst, bytes, 'text/html')).toBeLessThan(300);
  return listed(bytes, 'text/html');
}

const reportPage = async (url: string, html: string) =>
  (await report(t, analyst, { url, files: [await pageCopy(html)] })).materialId;
const related = async (id: string) =>
  (await getJson(t, reviewer, `/api/materials/${id}/related`)).body;
const signals = async (id: string) =>
  (await related(id)).sameContent.map((m: { id: string; signal: string }) => [m.id, m.signal]);
// The queue's summary: the material's own page reads custody, which is on SQLite only so far.
const material = async (id: string) =>
  (await getJson(t, reviewer, '/api/materials?limit=200')).body.materials.find(
    (m: { id: string }) => m.id === id,
  );
const flags = () => t.storage.audit.list({ action: 'material.mirror_flagged' }, 100);

it('flags a new report whose page nearly repeats a blocked one as its possible mirror', async () => {
  const blocked = await reportPage('https://vulkan777.example.kz/', casinoPage('Vulkan777'));
  await walk(t, reviewer, blocked, [...TO_BLOCKED]);
  const mirror = await reportPage('https://vulkan-kz.example.com/ru/', casinoPage('Vulkan-Kz'));
  const unrelated = await reportPage(
    'https://news.example.kz/water',
    newsPage('water', { date: '1 декабря', ads: [] }),
  );

  expect(await material(mirror)).toMatchObject({
    possibleMirrorOf: blocked,
    registrableDomain: 'example.com',
  });
  expect((await material(unrelated)).possibleMirrorOf).toBeNull();
  const mirrorRelations = await related(mirror);
  expect(mirrorRelations.possibleMirrorOf).toMatchObject({ id: blocked, status: 'blocked' });
  expect(mirrorRelations.sameContent).toMatchObject([{ id: blocked, signal: 'near_same_text' }]);
  expect(mirrorRelations.sameContent[0].similarity).toBeGreaterThanOrEqual(0.6);
  expect((await related(blocked)).sameContent).toMatchObject([{ id: mirror }]);

  // The queue filters on the flag, and the flag was audited once, by the system.
  const queue = await getJson(t, reviewer, '/api/materials?mirror=true');
  expect(queue.body.materials.map((m: { id: string }) => m.id)).toEqual([mirror]);
  expect(await flags()).toMatchObject([
    {
      subjectId: mirror,
      actorUserId: null,
      details: { original: blocked, signal: 'near_same_text' },
    },
  ]);
});

it('flags the same file on another site at once, and once only however often it comes', async () => {
  const html = casinoPage('Vulkan777');
  const blocked = await reportPage('https://vulkan777.example.kz/', html);
  await walk(t, reviewer, blocked, [...TO_BLOCKED]);
  const file = await pageCopy(html);
  const copy = sampleReport({ url: 'https://mirror-1.example.org/', files: [file] });
  await pushAs(t, analyst, [upsertOf(copy)]);
  // A second reporter of the same mirror, and a retried push: nothing new to flag.
  await pushAs(t, createUser(t), [upsertOf(sampleReport({ url: copy.url, files: [file] }))]);
  await pushAs(t, analyst, [upsertOf({ ...copy, note: 'Ещё раз' })]);

  const [flag, ...more] = await flags();
  expect(more).toEqual([]);
  expect(flag).toMatchObject({
    details: { original: blocked, signal: 'same_content', similarity: 1 },
  });
  expect((await related(flag!.subjectId!)).sameContent).toMatchObject([
    { id: blocked, signal: 'same_content', similarity: 1 },
  ]);
});

it('relates by the single screenshot of the first report version, as by a listed file', async () => {
  const bytes = pngBytes('casino banner');
  expect(await upload(t, analyst, bytes, 'image/png')).toBe(201);
  const { sha256 } = listed(bytes, 'image/png');
  const evidence = { sha256, mime: 'image/png' as const, bytes: bytes.byteLength };
  const blocked = (await report(t, analyst, { url: 'https://vulkan777.example.kz/', evidence }))
    .materialId;
  await walk(t, reviewer, blocked, [...TO_BLOCKED]);
  const mirror = (await report(t, analyst, { url: 'https://mirror-2.example.org/', evidence }))
    .materialId;

  expect(await material(mirror)).toMatchObject({ possibleMirrorOf: blocked });
  expect(await signals(mirror)).toEqual([[blocked, 'same_content']]);
});

it('leaves alone a repeat of a material not sent for blocking, and two pages of one site', async () => {
  const open = await reportPage('https://vulkan777.example.kz/', casinoPage('Vulkan777'));
  const copy = await reportPage('https://vulkan-kz.example.com/', casinoPage('Vulkan-Kz'));
  const day = { date: '2 декабря 2026', ads: ['Окна ПВХ'] };
  const water = await reportPage('https://news.example.kz/water', newsPage('water', day));
  await walk(t, reviewer, water, [...TO_BLOCKED]);
  const library = await reportPage('https://news.example.kz/library', newsPage('library', day));

  expect(await flags()).toEqual([]);
  // Still related, so that reviewers see them together.
  expect((await related(copy)).sameContent).toMatchObject([{ id: open }]);
  const site = await related(library);
  expect(site.sameContent).toEqual([]);
  expect(site.registrableDomain).toBe('example.kz');
  expect(site.sameSite.map((m: { id: string }) => m.id)).toEqual([water, open]);
  const queue = await getJson(t, reviewer, '/api/materials?domain=EXAMPLE.kz');
  expect(queue.body.materials.map((m: { id: string }) => m.id)).toEqual([library, water, open]);
});

it('finds a blocked original however many earlier materials share its page', async () => {
  const file = await pageCopy(casinoPage('Vulkan777'));
  const earlier = Array.from({ length: 210 }, (_, i) =>
    upsertOf(sampleReport({ url: `https://vulkan${i}.example.kz/`, files: [file] })),
  );
  expect((await pushAs(t, analyst, earlier)).status).toBe(200);
  const blocked = (await report(t, analyst, { url: 'https://vulkan.example.org/', files: [file] }))
    .materialId;
  await walk(t, reviewer, blocked, [...TO_BLOCKED]);
  const mirror = (await report(t, analyst, { url: 'https://vulkan.example.net/', files: [file] }))
    .materialId;

  expect(await flags()).toMatchObject([
    { subjectId: mirror, details: { original: blocked, signal: 'same_content' } },
  ]);
});

it('relates the materials sharing a page copy, whichever push brought it, as one text', async () => {
  const file = await pageCopy(casinoPage('Vulkan777'));
  const urls = ['https://a.example.kz/', 'https://b.example.org/', 'https://c.example.net/'];
  const pushed = await pushAs(
    t,
    analyst,
    urls.map((url) => upsertOf(sampleReport({ url, files: [file] }))),
  );
  expect(pushed.status).toBe(200);
  const near = await reportPage('https://vulkan-kz.example.com/', casinoPage('Vulkan-Kz'));
  // The page copy again, in a later push: its text is known, and must still find the near page.
  const late = (await report(t, analyst, { url: 'https://d.example.com/', files: [file] }))
    .materialId;
  const listed = (await getJson(t, reviewer, '/api/materials?limit=200')).body.materials;
  const ids = urls.map((url) => listed.find((m: { url: string }) => m.url === url).id);
  const [first, ...others] = ids;

  expect(await signals(first)).toEqual([
    ...[...others, late].map((id) => [id, 'same_content']),
    [near, 'near_same_text'],
  ]);
  expect(await signals(near)).toEqual([...ids, late].map((id) => [id, 'near_same_text']));
  expect(await signals(late)).toEqual([
    ...ids.map((id) => [id, 'same_content']),
    [near, 'near_same_text'],
  ]);
});

it('reads a page copy once: a later report of it is related by the signature held', async () => {
  const file = await pageCopy(casinoPage('Vulkan777'));
  const first = (await report(t, analyst, { url: 'https://a.example.kz/', files: [file] }))
    .materialId;
  // Read again, the file would give no text: the later material's must come from the first's.
  rmSync(evidencePath(t.storage.dataDir, file.sha256));
  const later = (await report(t, analyst, { url: 'https://b.example.org/', files: [file] }))
    .materialId;
  const near = await reportPage('https://vulkan-kz.example.com/', casinoPage('Vulkan-Kz'));

  expect(await signals(near)).toEqual([
    [first, 'near_same_text'],
    [later, 'near_same_text'],
  ]);
});

describe('a page copy uploaded after the report that lists it', () => {
  const TO_SENT = ['under_review', 'confirmed', 'sent_for_blocking'] as const;
  const prints = async (id: string) =>
    (await t.storage.relations.fingerprintsOfMaterials([id])).get(id) ?? [];

  /**
   * A page sent for blocking, and a near copy of it on another site reported before its page copy
   * is uploaded (as the extension's outbox sends them): answers both materials and the copy's bytes.
   */
  async function mirrorReportedFirst() {
    const blocked = await reportPage('https://vulkan777.example.kz/', casinoPage('Vulkan777'));
    await walk(t, reviewer, blocked, [...TO_SENT]);
    const bytes = new TextEncoder().encode(casinoPage('Vulkan-Kz'));
    const url = 'https://vulkan-kz.example.com/ru/';
    const mirror = (await report(t, analyst, { url, files: [listed(bytes, 'text/html')] }))
      .materialId;
    // Pushed without its file, the report had nothing to be read.
    expect(await prints(mirror)).toEqual([]);
    expect((await material(mirror)).possibleMirrorOf).toBeNull();
    return { blocked, mirror, bytes };
  }

  it('is read when it arrives, and flags its material as a mirror of the page sent for blocking', async () => {
    const { blocked, mirror, bytes } = await mirrorReportedFirst();
    expect(await upload(t, analyst, bytes, 'text/html')).toBe(201);

    expect(await prints(mirror)).toMatchObject([
      {
        contentSha256: listed(bytes, 'text/html').sha256,
        source: 'page_copy',
        signature: expect.any(String),
      },
    ]);
    expect(await material(mirror)).toMatchObject({ possibleMirrorOf: blocked });
    const relations = await related(mirror);
    expect(relations.possibleMirrorOf).toMatchObject({ id: blocked, status: 'sent_for_blocking' });
    expect(relations.sameContent).toMatchObject([{ id: blocked, signal: 'near_same_text' }]);
    expect(await flags()).toMatchObject([
      {
        subjectId: mirror,
        actorUserId: null,
        details: { original: blocked, signal: 'near_same_text' },
      },
    ]);
  });

  it('relates by a screenshot only once the server holds it', async () => {
    const shot = pngBytes('same screen');
    const file = listed(shot, 'image/png');
    const blocked = (await report(t, analyst, { url: 'https://a.example.kz/', files: [file] }))
      .materialId;
    const copy = (await report(t, analyst, { url: 'https://b.example.org/', files: [file] }))
      .materialId;
    // Listed by both and held by neither: its hash is an analyst's claim until its bytes come.
    expect(await prints(blocked)).toEqual([]);
    expect(await signals(copy)).toEqual([]);

    expect(await upload(t, analyst, shot, 'image/png')).toBe(201);
    expect(await prints(copy)).toMatchObject([
      { contentSha256: file.sha256, source: 'screenshot' },
    ]);
    expect(await signals(copy)).toEqual([[blocked, 'same_content']]);
  });

  it('relates nothing again when the same file is uploaded once more', async () => {
    const { mirror, bytes } = await mirrorReportedFirst();
    expect(await upload(t, analyst, bytes, 'text/html')).toBe(201);
    const held = await prints(mirror);
    const flagged = await flags();
    expect(flagged).toHaveLength(1);

    expect(await upload(t, createUser(t), bytes, 'text/html')).toBe(200);
    expect(await prints(mirror)).toEqual(held);
    expect(await flags()).toEqual(flagged);
  });

  it('is stored all the same when relating it fails, logged, and related when sent again', async () => {
    const { mirror, bytes } = await mirrorReportedFirst();
    const errors: string[] = [];
    const logger = { ...silentLogger, error: (message: string) => void errors.push(message) };
    const app = createApp({ ...t.deps, logger });
    await t.failInsertsInto('material_fingerprints');

    const response = await app.request(`/api/evidence/${listed(bytes, 'text/html').sha256}`, {
      method: 'PUT',
      headers: { ...analyst.auth, 'content-type': 'text/html' },
      body: bytes,
    });
    expect(response.status).toBe(201);
    expect(errors).toEqual(['relate_failed']);
    expect(await t.rows('evidence')).toHaveLength(2);
    expect(await prints(mirror)).toEqual([]);
    expect((await material(mirror)).possibleMirrorOf).toBeNull();

    // The extension sends a file again until it has an answer: the server holds it (200), and
    // relates what it could not the first time.
    await t.allowInsertsInto('material_fingerprints');
    expect(await upload(t, analyst, bytes, 'text/html')).toBe(200);
    expect(await prints(mirror)).not.toEqual([]);
    expect((await material(mirror)).possibleMirrorOf).not.toBeNull();
  });
});

describe('a duplicate names its original', () => {
  const decideDuplicate = async (id: string, body: Record<string, unknown>) => {
    const version = (await material(id)).version;
    const response = await t.app.request(`/api/materials/${id}/decision`, {
      method: 'POST',
      headers: { ...reviewer.auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        status: 'duplicate',
        comment: 'Копия',
        expectedVersion: version,
        ...body,
      }),
    });
    return { status: response.status, body: (await response.json()) as JsonAnswer };
  };

  it('records the original, which lists its duplicates', async () => {
    const original = (await report(t, analyst)).materialId;
    const copy = (await report(t, analyst)).materialId;
    await walk(t, reviewer, copy, ['under_review']);
    const answer = await decideDuplicate(copy, { duplicateOf: original });
    expect(answer.status).toBe(200);
    expect(answer.body.material).toMatchObject({ status: 'duplicate', duplicateOf: original });
    expect((await related(original)).duplicates).toMatchObject([{ id: copy, status: 'duplicate' }]);
    expect((await related(copy)).duplicateOf).toMatchObject({ id: original });
    const [event] = await t.storage.audit.list({ action: 'material.status_changed' }, 1);
    expect(event?.details).toMatchObject({ to: 'duplicate', duplicateOf: original });
  });

  it('refuses a duplicate without an original, of itself, of a missing material, or of a duplicate', async () => {
    const original = (await report(t, analyst)).materialId;
    const copy = (await report(t, analyst)).materialId;
    const third = (await report(t, analyst)).materialId;
    await walk(t, reviewer, copy, ['under_review']);
    await walk(t, reviewer, third, ['under_review']);
    for (const body of [{}, { duplicateOf: copy }, { duplicateOf: crypto.randomUUID() }]) {
      const answer = await decideDuplicate(copy, body);
      expect([answer.status, answer.body.error.code]).toEqual([400, 'validation_failed']);
    }
    expect((await decideDuplicate(copy, { duplicateOf: original })).status).toBe(200);
    const ofDuplicate = await decideDuplicate(third, { duplicateOf: copy });
    expect([ofDuplicate.status, ofDuplicate.body.error.code]).toEqual([400, 'validation_failed']);
    const confirm = await t.app.request(`/api/materials/${third}/decision`, {
      method: 'POST',
      headers: { ...reviewer.auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        status: 'confirmed',
        comment: 'Да',
        expectedVersion: 2,
        duplicateOf: original,
      }),
    });
    expect(confirm.status).toBe(400);
  });
});
