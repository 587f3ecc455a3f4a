import { describe, expect, it } from 'vitest';
import type { EvidenceFile } from '#shared/schemas/report';
import type { WebTaggerDb } from '../storage/db';
import { storeEvidenceFile } from '../storage/evidence-files';
import { saveReport } from '../storage/reports';
import { aReport, freshDb } from '../testing/fixtures';
import { markFilesDue } from './evidence-upload';

const png = { mime: 'image/png', kind: 'screenshot', fullPage: true } as const;

async function storeFiles(db: WebTaggerDb, count: number): Promise<EvidenceFile[]> {
  const files: EvidenceFile[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = new Uint8Array([137, 80, 78, 71, i]);
    files.push(await storeEvidenceFile(db, bytes, png, { at: 0, estimate: async () => ({}) }));
  }
  return files;
}

describe('markFilesDue', () => {
  it('marks the files of answered entries due once, and never a file the server holds', async () => {
    const db = freshDb();
    const [fresh, alreadyDue, uploaded, shared] = await storeFiles(db, 4);
    await db.evidence.update(alreadyDue!.sha256, { dueAt: 5 });
    await db.evidence.update(uploaded!.sha256, { uploadedAt: 6 });
    // A file no longer kept (dropped meanwhile) is named too: nothing is made up for it.
    const gone = { ...fresh!, sha256: 'f'.repeat(64) };
    await saveReport(db, aReport({ files: [fresh!, shared!] }), { at: 1 });
    await saveReport(db, aReport({ files: [alreadyDue!, uploaded!] }), { at: 2 });
    await saveReport(db, aReport({ files: [shared!, gone] }), { at: 3 });
    const answered = await db.outbox.toArray();

    await markFilesDue(db, answered, 9);

    const dueAt = async (file: EvidenceFile) => (await db.evidence.get(file.sha256))?.dueAt;
    expect(await dueAt(fresh!)).toBe(9);
    expect(await dueAt(shared!)).toBe(9);
    expect(await dueAt(alreadyDue!)).toBe(5);
    expect(await dueAt(uploaded!)).toBeUndefined();
    expect(await db.evidence.get(gone.sha256)).toBeUndefined();
    // The marks leave the rest of each record as it was.
    expect(await db.evidence.get(fresh!.sha256)).toMatchObject({ ...fresh, dueAt: 9 });
    // The uploads find exactly these by the due index.
    expect(new Set(await db.evidence.orderBy('dueAt').primaryKeys())).toEqual(
      new Set([fresh!.sha256, shared!.sha256, alreadyDue!.sha256]),
    );
  });

  it('writes nothing when no answered entry names a file', async () => {
    const db = freshDb();
    const [file] = await storeFiles(db, 1);
    await saveReport(db, aReport(), { at: 1 });
    await markFilesDue(db, await db.outbox.toArray(), 9);
    expect(await db.evidence.get(file!.sha256)).not.toHaveProperty('dueAt');
  });
});
