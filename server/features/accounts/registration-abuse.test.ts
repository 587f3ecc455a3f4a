import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { siteClient } from '../../site/testing/site-client';
import { createTestApp } from '../../testing/test-app';
import { runRetention } from '../retention/retention-service';
import { fileOf, fromAddress, jsonOf, registrationForm, SAMPLE_FILES } from './testing';

let t: Awaited<ReturnType<typeof createTestApp>>;
afterEach(() => t.dispose());

const DAY = 86_400_000;
let emails = 0;
const form = () =>
  registrationForm('1', { email: `applicant-${emails++}@gov.test` }, [fileOf(SAMPLE_FILES.pdf)]);
const register = (address: string, body = form()) =>
  t.app.request('/api/auth/register', { method: 'POST', body }, fromAddress(address));

describe('registration abuse', () => {
  it('refuses an 11th registration from one address within the hour, with Retry-After', async () => {
    t = await createTestApp();
    // Every attempt counts, accepted or not.
    const invalid = () =>
      registrationForm('1', { email: 'not an e-mail' }, [fileOf(SAMPLE_FILES.pdf)]);
    for (let i = 0; i < 9; i++) expect((await register('203.0.113.5', invalid())).status).toBe(400);
    expect((await register('203.0.113.5')).status).toBe(201);
    const refused = await register('203.0.113.5');
    expect(refused.status).toBe(429);
    expect((await jsonOf(refused)).error.code).toBe('too_many_requests');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not held back; the first may register again after the hour.
    expect((await register('203.0.113.6')).status).toBe(201);
    t.advance(3_600_000);
    expect((await register('203.0.113.5')).status).toBe(201);
  });

  it('counts registrations through the site and the API together', async () => {
    t = await createTestApp({ WEBTAGGER_REGISTRATIONS_PER_HOUR: '2' });
    expect((await register('203.0.113.7')).status).toBe(201);
    expect((await register('203.0.113.7')).status).toBe(201);
    const browser = siteClient(t, fromAddress('203.0.113.7'));
    await browser.get('/register');
    const page = await browser.post('/register', {});
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).not.toBeNull();
  });

  it('expires registrations nobody approved: documents destroyed and the act recorded', async () => {
    t = await createTestApp({ WEBTAGGER_PENDING_DAYS: '14' });
    const waiting = (await jsonOf(register('203.0.113.8'))).userId as string;
    const approvedLater = (await jsonOf(register('203.0.113.8'))).userId as string;
    t.update('users', approvedLater, { status: 'active' });
    t.advance(13 * DAY);
    const recent = (await jsonOf(register('203.0.113.8'))).userId as string;
    const filesOf = async (userId: string) =>
      (await t.rows('documents'))
        .filter((d) => d.userId === userId)
        .map((d) => join(t.dataDir, 'documents', d.id));
    const waitingFiles = await filesOf(waiting);
    expect(waitingFiles.every((path) => existsSync(path))).toBe(true);

    t.advance(DAY + 1);
    const run = () =>
      runRetention(t.storage, {
        now: t.deps.now(),
        retentionDays: t.deps.config.retentionDays,
        pendingDays: t.deps.config.pendingDays,
      });
    const act = await run();
    expect(act.registrationsExpired).toEqual([waiting]);
    expect(waitingFiles.some((path) => existsSync(path))).toBe(false);
    const account = (await t.rows('users')).find((r) => r.id === waiting)!;
    expect(account).toMatchObject({ status: 'closed', fullName: '', passwordHash: '' });
    expect(account.email).toMatch(/@invalid$/);
    const [event] = (await t.rows('auditEvents')).filter(
      (r) => r.action === 'registration.expired_destroyed',
    );
    expect(event?.details).toMatchObject({ userIds: [waiting], documents: 1, pendingDays: 14 });
    // The approved account and the recent registration are untouched; a second run does nothing.
    for (const id of [approvedLater, recent]) {
      expect((await filesOf(id)).every((path) => existsSync(path))).toBe(true);
    }
    expect((await run()).registrationsExpired).toEqual([]);
    expect(readdirSync(join(t.dataDir, 'uploads'))).toEqual([]);
  });
});
