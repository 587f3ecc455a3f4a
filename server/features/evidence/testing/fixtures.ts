import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Capture, EvidenceFile, EvidenceFileMime } from '#shared/schemas/report';
import type { createTestApp } from '../../../testing/test-app';
import type { TestUser } from '../../../testing/users';
import { report } from '../../review/testing';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const text = (s: string) => new TextEncoder().encode(s);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A PNG start the content check accepts; `salt` makes distinct files. */
export function pngBytes(salt = ''): Uint8Array {
  return new Uint8Array([
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
    ...text('IHDR'),
    ...[0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0],
    ...text(salt),
  ]);
}

/** An MHTML archive as Chrome's pageCapture writes it, with a script inside the page. */
export function mhtmlBytes(salt = ''): Uint8Array {
  const boundary = '----MultipartBoundary--abc123----';
  return text(
    [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://casino.example.kz/promo',
      'Subject: Casino',
      'Date: Tue, 24 Nov 2026 09:00:00 -0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      `\tboundary="${boundary}"`,
      '',
      '',
      `--${boundary}`,
      'Content-Type: text/html',
      'Content-Location: https://casino.example.kz/promo',
      '',
      `<html><body><h1>Casino ${salt}</h1><script>alert(document.cookie)</script></body></html>`,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

/** A self-contained HTML snapshot that tries to run a script and reach the site. */
export function htmlBytes(salt = ''): Uint8Array {
  return text(
    `<!DOCTYPE html><html><head><title>Casino</title></head><body><h1 id="h">Казино ${salt}</h1>` +
      '<script>document.title = "PWNED"; parent.document.title = "PWNED"; fetch("/api/health")</script>' +
      '</body></html>',
  );
}

export const CAPTURE: Capture = {
  url: 'https://casino.example.kz/promo?utm_source=tg',
  finalUrl: 'https://casino.example.kz/promo',
  title: 'Лучшее онлайн-казино',
  capturedAt: '2026-11-24T09:00:00.000Z',
  browser: { name: 'Chrome', version: '131.0.6778.85' },
  viewport: { width: 1280, height: 800 },
  extensionVersion: '0.1.0',
};

/** A file as a report lists it. */
export function listed(
  bytes: Uint8Array,
  mime: EvidenceFileMime,
  kind: EvidenceFile['kind'] = mime.startsWith('image/') ? 'screenshot' : 'page_copy',
): EvidenceFile {
  return { sha256: sha(bytes), mime, bytes: bytes.byteLength, kind };
}

/** Uploads an evidence file as the analyst; answers the status. */
export async function upload(
  t: TestApp,
  analyst: TestUser,
  bytes: Uint8Array,
  mime: string,
): Promise<number> {
  const response = await t.app.request(`/api/evidence/${sha(bytes)}`, {
    method: 'PUT',
    headers: { ...analyst.auth, 'content-type': mime },
    body: bytes,
  });
  return response.status;
}

/**
 * A report with a screenshot, an MHTML copy and an HTML copy of the page, all uploaded after it
 * (as the extension's outbox does).
 */
export async function reportWithEvidence(t: TestApp, analyst: TestUser, salt = '') {
  const files = {
    screenshot: pngBytes(salt),
    mhtml: mhtmlBytes(salt),
    html: htmlBytes(salt),
  };
  const listing = [
    { ...listed(files.screenshot, 'image/png'), fullPage: true },
    listed(files.mhtml, 'multipart/related'),
    listed(files.html, 'text/html'),
  ];
  const { materialId, report: input } = await report(t, analyst, {
    files: listing,
    capture: CAPTURE,
  });
  expect(await upload(t, analyst, files.screenshot, 'image/png')).toBe(201);
  expect(await upload(t, analyst, files.mhtml, 'multipart/related')).toBe(201);
  expect(await upload(t, analyst, files.html, 'text/html')).toBe(201);
  return { materialId, report: input, files, listing };
}
