import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { findApprovedRepresentation } from './documents-service';
import {
  addAccount,
  fileOf,
  jsonOf,
  registrationForm,
  SAMPLE_FILES,
  type TestAccount,
} from './testing';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestAccount;
let admin: TestAccount;
beforeEach(async () => {
  t = await createTestApp();
  analyst = await addAccount(t);
  admin = await addAccount(t, { role: 'admin' });
});
afterEach(() => t.dispose());

const codeOf = async (response: Response) => [
  response.status,
  (await jsonOf(response)).error?.code,
];
const upload = (account: TestAccount, file = fileOf(SAMPLE_FILES.pdf, 'доверенность.pdf')) => {
  const form = new FormData();
  form.append('kind', 'representation');
  form.append('document', file);
  return t.app.request('/api/me/documents', { method: 'POST', headers: account.auth, body: form });
};
const decide = (id: string, decision: 'approve' | 'reject', account = admin) =>
  t.app.request(`/api/admin/documents/${id}/${decision}`, {
    method: 'POST',
    headers: account.auth,
  });

describe('representation documents', () => {
  it('stores an uploaded power of attorney as pending and lists it to its owner only', async () => {
    const response = await upload(analyst);
    expect(response.status).toBe(201);
    const doc = await jsonOf(response);
    expect(doc).toMatchObject({
      kind: 'representation',
      status: 'pending',
      mime: 'application/pdf',
      bytes: SAMPLE_FILES.pdf.length,
      originalName: 'доверенность.pdf',
      decidedAt: null,
    });
    const mine = await jsonOf(t.app.request('/api/me/documents', { headers: analyst.auth }));
    expect(mine.documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    const theirs = await jsonOf(t.app.request('/api/me/documents', { headers: admin.auth }));
    expect(theirs.documents).toEqual([]);
    const [event] = (await t.rows('auditEvents')).filter((r) => r.action === 'document.uploaded');
    expect(event).toMatchObject({
      actorUserId: analyst.id,
      subjectId: doc.id,
      details: { kind: 'representation' },
    });
  });

  it('checks the upload like registration: one file, by content, at most 10 MiB', async () => {
    const svg = fileOf('<svg onload="alert(1)"/>', 'x.png', 'image/png');
    expect(await codeOf(await upload(analyst, svg))).toEqual([415, 'unsupported_media_type']);
    const big = fileOf(Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(10 * 1024 * 1024)]));
    expect(await codeOf(await upload(analyst, big))).toEqual([413, 'payload_too_large']);
    const two = new FormData();
    two.append('document', fileOf(SAMPLE_FILES.pdf));
    two.append('document', fileOf(SAMPLE_FILES.pdf));
    const answer = await t.app.request('/api/me/documents', {
      method: 'POST',
      headers: analyst.auth,
      body: two,
    });
    expect(await codeOf(answer)).toEqual([400, 'validation_failed']);
    const otherKind = new FormData();
    otherKind.append('kind', 'authorization');
    otherKind.append('document', fileOf(SAMPLE_FILES.pdf));
    const kindAnswer = await t.app.request('/api/me/documents', {
      method: 'POST',
      headers: analyst.auth,
      body: otherKind,
    });
    expect(await codeOf(kindAnswer)).toEqual([400, 'validation_failed']);
  });

  it('is a basis for personal data only once approved, only for its owner, only as representation', async () => {
    const doc = await jsonOf(upload(analyst));
    expect(await findApprovedRepresentation(t.storage, analyst.id, doc.id)).toBeUndefined();

    const approved = await decide(doc.id, 'approve');
    expect(approved.status).toBe(200);
    expect(await jsonOf(approved)).toMatchObject({
      status: 'approved',
      decidedAt: '2026-11-24T10:00:00.000Z',
    });
    expect((await findApprovedRepresentation(t.storage, analyst.id, doc.id))?.id).toBe(doc.id);
    expect(await findApprovedRepresentation(t.storage, admin.id, doc.id)).toBeUndefined();

    expect((await decide(doc.id, 'reject')).status).toBe(200);
    expect(await findApprovedRepresentation(t.storage, analyst.id, doc.id)).toBeUndefined();
    const actions = (await t.rows('auditEvents')).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['document.approved', 'document.rejected']));
  });

  it('never takes an approved authorization document for a representation', async () => {
    const form = registrationForm('1');
    const { userId } = await jsonOf(
      t.app.request('/api/auth/register', { method: 'POST', body: form }),
    );
    const list = await jsonOf(
      t.app.request('/api/admin/users?status=pending', { headers: admin.auth }),
    );
    const docId = list.users[0].documents[0].id;
    await decide(docId, 'approve');
    expect(await findApprovedRepresentation(t.storage, userId, docId)).toBeUndefined();
  });

  it('answers not_found for an unknown document or an id that is no UUID', async () => {
    expect(await codeOf(await decide(crypto.randomUUID(), 'approve'))).toEqual([404, 'not_found']);
    expect(await codeOf(await decide('..%2F..%2Fetc', 'approve'))).toEqual([404, 'not_found']);
  });
});

describe('document download', () => {
  it('gives admins the stored bytes as an attachment of the stored type, never sniffed', async () => {
    const doc = await jsonOf(
      upload(analyst, fileOf(SAMPLE_FILES.png, 'scan.pdf', 'application/pdf')),
    );
    const response = await t.app.request(`/api/admin/documents/${doc.id}/file`, {
      headers: admin.auth,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${doc.id}.png"`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(SAMPLE_FILES.png)).toBe(true);
  });

  it('answers not_found when the file is gone', async () => {
    const doc = await jsonOf(upload(analyst));
    rmSync(join(t.dataDir, 'documents', doc.id));
    const response = await t.app.request(`/api/admin/documents/${doc.id}/file`, {
      headers: admin.auth,
    });
    expect(await codeOf(response)).toEqual([404, 'not_found']);
  });
});
