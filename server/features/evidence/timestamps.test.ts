import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { getJson } from '../review/testing';
import { custodyEventsOf } from './custody-service';
import { timestampPath } from './evidence-files';
import { reportWithEvidence } from './testing/fixtures';
import { type LocalTsa, startLocalTsa } from './testing/local-tsa';
import { retryDelay, stampDueEvidence, startTimestampSchedule } from './timestamp-job';
import { certificatesFromPem, verifyTimestampResponse } from './timestamp-token';

let tsa: LocalTsa;
beforeAll(async () => {
  tsa = await startLocalTsa();
}, 60_000);
afterAll(() => tsa.stop());

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: TestUser;
async function setUp(env: Record<string, string>) {
  t = await createTestApp(env);
  analyst = createUser(t);
  reviewer = createUser(t, { role: 'reviewer' });
}
afterEach(() => t?.dispose());

const run = () => stampDueEvidence(t.deps, t.deps.now());
const states = async (materialId: string) =>
  (await getJson(t, reviewer, `/api/materials/${materialId}`)).body.evidence.map(
    (e: { timestamp: { state: string } }) => e.timestamp.state,
  );

describe('RFC 3161 time-stamps from a real authority', { timeout: 60_000 }, () => {
  it('stamps every stored file with a token whose imprint is the file’s SHA-256', async () => {
    await setUp({ WEBTAGGER_TSA_URL: tsa.url, WEBTAGGER_TSA_CA_FILE: tsa.caFile });
    const { materialId, files } = await reportWithEvidence(t, analyst);
    expect(await states(materialId)).toEqual(['pending', 'pending', 'pending']);
    expect(await run()).toEqual({ stamped: 3, failed: 0 });
    const detail = (await getJson(t, reviewer, `/api/materials/${materialId}`)).body;
    for (const item of detail.evidence) {
      expect(item.timestamp).toMatchObject({ state: 'stamped', lastError: null });
      expect(Date.parse(item.timestamp.genTime)).toBeGreaterThan(Date.now() - 60_000);
    }
    // The kept token is the authority's DER answer and verifies for the file's bytes alone.
    const trusted = certificatesFromPem(readFileSync(tsa.caFile, 'utf8'));
    const token = readFileSync(timestampPath(t.dataDir, detail.evidence[1].sha256));
    await expect(verifyTimestampResponse(token, files.mhtml, { trusted })).resolves.toMatchObject(
      {},
    );
    await expect(verifyTimestampResponse(token, files.html, { trusted })).rejects.toThrow(
      /imprint/,
    );
    // Nothing is stamped twice, and custody records each stamp once.
    expect(await run()).toEqual({ stamped: 0, failed: 0 });
    const events = await custodyEventsOf(t.storage, materialId);
    expect(events.filter((e) => e.type === 'time_stamped')).toHaveLength(3);
  });

  it('keeps trying while the authority is down, and stamps once it is back', async () => {
    await setUp({ WEBTAGGER_TSA_URL: tsa.url, WEBTAGGER_TSA_CA_FILE: tsa.caFile });
    await tsa.down();
    try {
      const { materialId } = await reportWithEvidence(t, analyst, 'down');
      expect(await run()).toEqual({ stamped: 0, failed: 3 });
      const pending = (await getJson(t, reviewer, `/api/materials/${materialId}`)).body.evidence[0];
      expect(pending.timestamp).toMatchObject({ state: 'pending', attempts: 1 });
      expect(pending.timestamp.lastError).toMatch(/unreachable/);
      // Not again before the retry is due.
      expect(await run()).toEqual({ stamped: 0, failed: 0 });
      t.advance(retryDelay(1));
      expect(await run()).toEqual({ stamped: 0, failed: 3 });
      expect(retryDelay(2)).toBeGreaterThan(retryDelay(1));

      await tsa.up();
      t.advance(retryDelay(2));
      expect(await run()).toEqual({ stamped: 3, failed: 0 });
      expect(await states(materialId)).toEqual(['stamped', 'stamped', 'stamped']);
    } finally {
      await tsa.up();
    }
  });

  it('refuses a token that does not chain to the configured authority', async () => {
    const other = await startLocalTsa();
    try {
      await setUp({ WEBTAGGER_TSA_URL: other.url, WEBTAGGER_TSA_CA_FILE: tsa.caFile });
      const { materialId } = await reportWithEvidence(t, analyst, 'foreign');
      expect(await run()).toEqual({ stamped: 0, failed: 3 });
      const item = (await getJson(t, reviewer, `/api/materials/${materialId}`)).body.evidence[0];
      expect(item.timestamp.state).toBe('pending');
      expect(item.timestamp.lastError).toMatch(/signature does not verify/);
    } finally {
      await other.stop();
    }
  });

  it('says so when no authority is configured', async () => {
    await setUp({});
    const { materialId } = await reportWithEvidence(t, analyst);
    expect(await run()).toEqual({ stamped: 0, failed: 0 });
    expect(await states(materialId)).toEqual([
      'not_configured',
      'not_configured',
      'not_configured',
    ]);
  });

  it('stamps in the background after an upload, on the schedule the server runs', async () => {
    await setUp({ WEBTAGGER_TSA_URL: tsa.url, WEBTAGGER_TSA_CA_FILE: tsa.caFile });
    const schedule = startTimestampSchedule(t.deps, 60_000);
    try {
      const { materialId } = await reportWithEvidence(t, analyst, 'kick');
      schedule.kick();
      await expect
        .poll(async () => states(materialId), { timeout: 20_000, interval: 100 })
        .toEqual(['stamped', 'stamped', 'stamped']);
    } finally {
      schedule.stop();
      await schedule.idle();
    }
  });
});
