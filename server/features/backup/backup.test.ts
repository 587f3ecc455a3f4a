import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { openStorage } from '../../db/open';
import { silentLogger } from '../../logger';
import { pullAs, pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { addAccount, fileOf, SAMPLE_FILES, type TestAccount } from '../accounts/testing';
import { sha256Hex } from '../evidence/evidence-files';
import { BackupError, backupDataFolder, DATABASE_FILE, restoreDataFolder } from './backup-service';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestAccount;
let scratch: string;

beforeEach(async () => {
  t = await createTestApp();
  analyst = await addAccount(t);
  scratch = mkdtempSync(join(tmpdir(), 'webtagger-backup-test-'));
});
afterEach(() => {
  t.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

async function storeSomeData() {
  const pushed = await pushAs(t, analyst, [upsertOf(sampleReport()), upsertOf(sampleReport())]);
  expect(pushed.status).toBe(200);
  const form = new FormData();
  form.append('document', fileOf(SAMPLE_FILES.pdf));
  const upload = await t.app.request('/api/me/documents', {
    method: 'POST',
    headers: analyst.auth,
    body: form,
  });
  expect(upload.status).toBe(201);
  const png = SAMPLE_FILES.png;
  const evidence = await t.app.request(`/api/evidence/${sha256Hex(png)}`, {
    method: 'PUT',
    headers: { ...analyst.auth, 'content-type': 'image/png' },
    body: png,
  });
  expect(evidence.status).toBe(201);
}

describe('backupDataFolder', () => {
  it('copies the database and the files it refers to into a folder a server can run on', async () => {
    await storeSomeData();
    // A stray file in the data folder is no part of the data and stays behind.
    writeFileSync(join(t.dataDir, 'documents', 'not-a-document.tmp'), 'x');
    const backup = join(scratch, 'backup');
    const summary = backupDataFolder(t.dataDir, backup);
    expect(summary).toMatchObject({ integrity: 'ok', filesCopied: 2, filesMissing: 0 });
    expect(summary.counts).toMatchObject({ reports: 2, documents: 1, evidence: 1 });
    expect(readdirSync(join(backup, 'documents'))).toHaveLength(1);

    const restored = join(scratch, 'restored');
    expect(restoreDataFolder(backup, restored).counts).toEqual(summary.counts);
    const storage = openStorage(restored);
    try {
      const app = createApp({
        storage,
        config: t.deps.config,
        logger: silentLogger,
        now: t.deps.now,
        recheck: t.deps.recheck,
      });
      const page = await pullAs({ app }, analyst);
      expect(page.body.changes).toHaveLength(2);
    } finally {
      storage.close();
    }
  });

  it('reports referenced files that are gone instead of failing', async () => {
    await storeSomeData();
    for (const name of readdirSync(join(t.dataDir, 'evidence')))
      rmSync(join(t.dataDir, 'evidence', name));
    const summary = backupDataFolder(t.dataDir, join(scratch, 'backup'));
    expect([summary.filesCopied, summary.filesMissing]).toEqual([1, 1]);
  });

  it('refuses a target that holds a database already, and leaves it untouched', () => {
    const target = join(scratch, 'taken');
    backupDataFolder(t.dataDir, target);
    expect(() => backupDataFolder(t.dataDir, target)).toThrow(BackupError);
    expect(existsSync(join(target, DATABASE_FILE))).toBe(true);
  });

  it('refuses to restore over an existing database', () => {
    const backup = join(scratch, 'backup');
    backupDataFolder(t.dataDir, backup);
    expect(() => restoreDataFolder(backup, t.dataDir)).toThrow(BackupError);
  });

  it('refuses a restore from a damaged backup', () => {
    const backup = join(scratch, 'backup');
    backupDataFolder(t.dataDir, backup);
    writeFileSync(join(backup, DATABASE_FILE), Buffer.alloc(8192, 7));
    expect(() => restoreDataFolder(backup, join(scratch, 'restored'))).toThrow();
    expect(existsSync(join(scratch, 'restored', DATABASE_FILE))).toBe(false);
  });
});
