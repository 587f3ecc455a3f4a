import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import canonicalize from 'canonicalize';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { siteClient } from '../../site/testing/site-client';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { report, walk } from '../review/testing';
import { custodyEventsOf } from './custody-service';
import { reportWithEvidence } from './testing/fixtures';
import { type LocalTsa, startLocalTsa } from './testing/local-tsa';
import { stampDueEvidence } from './timestamp-job';

let tsa: LocalTsa;
beforeAll(async () => {
  tsa = await startLocalTsa();
}, 60_000);
afterAll(() => tsa.stop());

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: TestUser;
let unpacked: string;
beforeEach(async () => {
  t = await createTestApp({ WEBTAGGER_TSA_URL: tsa.url, WEBTAGGER_TSA_CA_FILE: tsa.caFile });
  analyst = createUser(t);
  reviewer = createUser(t, { role: 'reviewer' });
  unpacked = mkdtempSync(join(tmpdir(), 'webtagger-package-'));
});
afterEach(() => {
  t.dispose();
  rmSync(unpacked, { recursive: true, force: true });
});

const download = (materialId: string, caller: { auth: Record<string, string> }) =>
  t.app.request(`/api/materials/${materialId}/evidence-package`, { headers: caller.auth });

function unzipTo(zip: Uint8Array): string[] {
  const entries = unzipSync(zip);
  for (const [path, data] of Object.entries(entries)) {
    mkdirSync(dirname(join(unpacked, path)), { recursive: true });
    writeFileSync(join(unpacked, path), data);
  }
  return Object.keys(entries).sort();
}

const sh = (command: string, args: string[]) =>
  execFileSync(command, args, {
    cwd: unpacked,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('the evidence package', { timeout: 60_000 }, () => {
  it('verifies offline with sha256sum and openssl ts -verify alone', async () => {
    const { materialId, listing } = await reportWithEvidence(t, analyst);
    await stampDueEvidence(t.deps, t.deps.now());
    await walk(t, reviewer, materialId, ['under_review']);
    const response = await download(materialId, reviewer);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="evidence-/);
    const paths = unzipTo(new Uint8Array(await response.arrayBuffer()));

    const ext = { 'image/png': 'png', 'multipart/related': 'mhtml', 'text/html': 'html' } as const;
    const evidence = listing.map((f) => `evidence/${f.sha256}.${ext[f.mime as keyof typeof ext]}`);
    const tokens = listing.map((f) => `timestamps/${f.sha256}.tsr`);
    expect(paths).toEqual(
      [
        'README.html',
        'SHA256SUMS',
        'custody.jsonl',
        'manifest.json',
        'timestamps/tsa-chain.pem',
        ...evidence,
        ...tokens,
      ].sort(),
    );

    // Every file is listed in the manifest with its hash and size; every one checks out.
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8'));
    expect(manifest.material).toMatchObject({ id: materialId, status: 'under_review' });
    expect(Object.keys(manifest.material).sort()).toEqual(['id', 'status', 'url', 'urlKey']);
    expect(manifest.generatedAt).toBe(t.deps.now().toISOString());
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(
      paths.filter((p) => p !== 'manifest.json'),
    );
    for (const file of manifest.files) {
      const data = readFileSync(join(unpacked, file.path));
      expect([file.path, createHash('sha256').update(data).digest('hex'), data.byteLength]).toEqual(
        [file.path, file.sha256, file.bytes],
      );
    }
    expect(manifest.timestamps.every((s: { state: string }) => s.state === 'stamped')).toBe(true);

    const sums = sh('sha256sum', ['-c', 'SHA256SUMS']);
    expect(sums.trim().split('\n')).toHaveLength(paths.length - 2);
    expect(sums).not.toMatch(/FAILED/);
    for (const [i, path] of evidence.entries()) {
      const out = sh('openssl', [
        'ts',
        '-verify',
        '-in',
        tokens[i]!,
        '-data',
        path,
        '-CAfile',
        'timestamps/tsa-chain.pem',
      ]);
      expect(out).toContain('Verification: OK');
    }
    // A token does not vouch for another file.
    expect(() =>
      sh('openssl', [
        'ts',
        '-verify',
        '-in',
        tokens[0]!,
        '-data',
        evidence[1]!,
        '-CAfile',
        'timestamps/tsa-chain.pem',
      ]),
    ).toThrow();

    // The custody log is an unbroken JCS hash chain that ends with this export.
    const lines = readFileSync(join(unpacked, 'custody.jsonl'), 'utf8').trimEnd().split('\n');
    let prevHash = '0'.repeat(64);
    for (const [i, line] of lines.entries()) {
      const { hash, ...rest } = JSON.parse(line);
      expect(rest).toMatchObject({ seq: i + 1, prevHash });
      expect(typeof rest.at).toBe('string');
      expect(hash).toBe(createHash('sha256').update(canonicalize(rest)!).digest('hex'));
      prevHash = hash;
    }
    const types = lines.map((line) => JSON.parse(line).type);
    expect(types).toEqual([
      'report_received',
      'evidence_received',
      'evidence_received',
      'evidence_received',
      'time_stamped',
      'time_stamped',
      'time_stamped',
      'decided',
      'package_exported',
    ]);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ by: reviewer.id, via: 'api' });

    const readme = readFileSync(join(unpacked, 'README.html'), 'utf8');
    for (const phrase of [
      'sha256sum -c SHA256SUMS',
      'openssl ts -verify',
      'lang="ru"',
      'lang="kk"',
      'lang="en"',
    ]) {
      expect(readme).toContain(phrase);
    }
    // The README's own chain check, run as a reader would copy it from the page.
    const script = /<pre>(python3 - &lt;&lt;[\s\S]*?PY)<\/pre>/.exec(readme)?.[1] ?? '';
    const unescaped = script
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    const checked = sh('bash', ['-c', unescaped]).trim().split('\n');
    expect(checked).toEqual(lines.map((_, i) => `${i + 1} OK`));
  });

  it('is for reviewers and admins only', async () => {
    const { materialId } = await reportWithEvidence(t, analyst);
    const refused = await download(materialId, analyst);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await download(materialId, { auth: {} })).status).toBe(401);
    expect((await download(materialId, createUser(t, { role: 'admin' }))).status).toBe(200);
    expect((await download('00000000-0000-4000-8000-000000000000', reviewer)).status).toBe(404);
    // A refused download leaves no trace in custody; the admin's does.
    const exports = (await custodyEventsOf(t.storage, materialId)).filter(
      (e) => e.type === 'package_exported',
    );
    expect(exports).toHaveLength(1);
  });

  it('escapes what reporters wrote in its README', async () => {
    const { materialId } = await report(t, analyst, {
      url: 'https://evil.example.kz/?q=<script>alert(1)</script>',
    });
    unzipTo(new Uint8Array(await (await download(materialId, reviewer)).arrayBuffer()));
    const readme = readFileSync(join(unpacked, 'README.html'), 'utf8');
    expect(readme).not.toContain('<script>alert');
    expect(readme).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says which files have no token yet', async () => {
    await tsa.down();
    try {
      const { materialId } = await reportWithEvidence(t, analyst);
      await stampDueEvidence(t.deps, t.deps.now());
      const paths = unzipTo(
        new Uint8Array(await (await download(materialId, reviewer)).arrayBuffer()),
      );
      expect(paths.some((p) => p.startsWith('timestamps/') && p.endsWith('.tsr'))).toBe(false);
      const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8'));
      expect(manifest.timestamps.map((s: { state: string }) => s.state)).toEqual([
        'pending',
        'pending',
        'pending',
      ]);
      expect(sh('sha256sum', ['-c', 'SHA256SUMS'])).not.toMatch(/FAILED/);
    } finally {
      await tsa.up();
    }
  });

  it('is offered on the material page and downloaded from the console as a custody event', async () => {
    const { materialId } = await reportWithEvidence(t, analyst);
    const site = siteClient(t);
    site.signInAs(reviewer.id);
    const page = await site.get(`/review/materials/${materialId}`);
    expect(page.html).toContain(`href="/review/materials/${materialId}/evidence-package"`);
    const response = await t.app.request(`/review/materials/${materialId}/evidence-package`, {
      headers: { cookie: [...site.cookies].map(([n, v]) => `${n}=${v}`).join('; ') },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const events = await custodyEventsOf(t.storage, materialId);
    expect(events.map((e) => e.type).slice(-2)).toEqual(['viewed', 'package_exported']);
    expect(events.at(-1)).toMatchObject({ by: reviewer.id, via: 'console' });
  });
});
