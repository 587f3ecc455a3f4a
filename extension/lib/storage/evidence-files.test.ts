import { describe, expect, it } from 'vitest';
import { freshDb } from '../testing/fixtures';
import {
  dropEvidenceFiles,
  ensureRoomFor,
  QUOTA_SHARE,
  StorageFullError,
  storeEvidenceFile,
} from './evidence-files';

const roomy = async () => ({ usage: 0, quota: 1_000_000_000 });

describe('storeEvidenceFile', () => {
  it('keeps the bytes under their SHA-256 and returns the report’s file entry', async () => {
    const db = freshDb();
    const bytes = new TextEncoder().encode('abc');
    const file = await storeEvidenceFile(
      db,
      bytes,
      { mime: 'image/png', kind: 'screenshot', fullPage: true },
      { at: 5, estimate: roomy },
    );
    expect(file).toEqual({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      mime: 'image/png',
      bytes: 3,
      kind: 'screenshot',
      fullPage: true,
    });
    const stored = await db.evidence.get(file.sha256);
    expect(stored).toMatchObject({ storedAt: 5, kind: 'screenshot' });
    // The record holds no bytes: they are a Blob of their own table (see EvidenceBytes).
    expect(stored).not.toHaveProperty('data');
    const { data } = (await db.evidenceBytes.get(file.sha256))!;
    expect(data).toBeInstanceOf(Blob);
    expect((data as Blob).type).toBe('image/png');
    expect(new Uint8Array(await (data as Blob).arrayBuffer())).toEqual(bytes);
  });

  it('hashes and keeps only the bytes a view shows, not the rest of its buffer', async () => {
    const db = freshDb();
    const whole = new TextEncoder().encode('xxabcxx');
    const view = whole.subarray(2, 5);
    const file = await storeEvidenceFile(
      db,
      view,
      { mime: 'text/html', kind: 'page_copy' },
      { at: 1, estimate: roomy },
    );
    expect(file).toMatchObject({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      bytes: 3,
    });
    const stored = (await db.evidenceBytes.get(file.sha256))!.data as Blob;
    expect(new TextDecoder().decode(await stored.arrayBuffer())).toBe('abc');
  });

  it('keeps the upload mark of bytes stored again', async () => {
    const db = freshDb();
    const bytes = new Uint8Array([1, 2, 3]);
    const meta = { mime: 'text/html', kind: 'page_copy' } as const;
    const file = await storeEvidenceFile(db, bytes, meta, { at: 1, estimate: roomy });
    await db.evidence.update(file.sha256, { uploadedAt: 2 });
    await storeEvidenceFile(db, bytes, meta, { at: 3, estimate: roomy });
    expect((await db.evidence.get(file.sha256))?.uploadedAt).toBe(2);
  });

  it('drops a file’s record and its bytes together', async () => {
    const db = freshDb();
    const meta = { mime: 'text/html', kind: 'page_copy' } as const;
    const [kept, dropped] = await Promise.all(
      ['a', 'b'].map((text) =>
        storeEvidenceFile(db, new TextEncoder().encode(text), meta, { at: 1, estimate: roomy }),
      ),
    );
    await dropEvidenceFiles(db, [dropped!.sha256]);
    expect(await db.evidence.toCollection().primaryKeys()).toEqual([kept!.sha256]);
    expect(await db.evidenceBytes.toCollection().primaryKeys()).toEqual([kept!.sha256]);
  });

  it('refuses a file that would take the storage past its share of the quota', async () => {
    const db = freshDb();
    const full = async () => ({ usage: 790, quota: 1000 });
    await expect(
      storeEvidenceFile(
        db,
        new Uint8Array(20),
        { mime: 'image/png', kind: 'screenshot' },
        { at: 1, estimate: full },
      ),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.evidence.count()).toBe(0);
  });
});

describe('ensureRoomFor', () => {
  it('allows up to the share of the quota and no more', async () => {
    const estimate = async () => ({ usage: 0, quota: 1000 });
    await expect(ensureRoomFor(estimate, 1000 * QUOTA_SHARE)).resolves.toBeUndefined();
    await expect(ensureRoomFor(estimate, 1000 * QUOTA_SHARE + 1)).rejects.toMatchObject({
      needed: 801,
      free: 800,
    });
  });

  it('does not refuse when the browser tells no quota', async () => {
    await expect(ensureRoomFor(async () => ({}), 10 ** 9)).resolves.toBeUndefined();
  });
});
