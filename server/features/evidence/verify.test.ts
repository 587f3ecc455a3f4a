import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { getJson, walk } from '../review/testing';
import { evidencePath, timestampPath } from './evidence-files';
import { pngBytes, reportWithEvidence } from './testing/fixtures';
import { type LocalTsa, startLocalTsa } from './testing/local-tsa';
import { stampDueEvidence } from './timestamp-job';
import { verifyEvidence } from './verify-service';

let tsa: LocalTsa;
beforeAll(async () => {
  tsa = await startLocalTsa();
}, 60_000);
afterAll(() => tsa.stop());

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: TestUser;
let evidence: Awaited<ReturnType<typeof reportWithEvidence>>;
beforeEach(async () => {
  t = await createTestApp({ WEBTAGGER_TSA_URL: tsa.url, WEBTAGGER_TSA_CA_FILE: tsa.caFile });
  analyst = createUser(t);
  reviewer = createUser(t, { role: 'reviewer' });
  evidence = await reportWithEvidence(t, analyst);
  await stampDueEvidence(t.deps, t.deps.now());
  await walk(t, reviewer, evidence.materialId, ['under_review']);
  await getJson(t, reviewer, `/api/materials/${evidence.materialId}`);
});
afterEach(() => t.dispose());

const verify = async () => {
  await t.arranged();
  return verifyEvidence(t.deps);
};
/** A text as an SQL string literal, the same on both engines. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const screenshot = () => evidence.listing[0]!.sha256;

describe('npm run verify', { timeout: 60_000 }, () => {
  it('finds everything intact when nothing was touched', async () => {
    expect(await verify()).toEqual({
      checked: { evidence: 3, timestamps: 3, custodyLogs: 1, custodyEvents: 9 },
      findings: [],
    });
  });

  it('names an edited evidence file', async () => {
    const path = evidencePath(t.dataDir, screenshot());
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    writeFileSync(path, bytes);
    const { findings } = await verify();
    expect(findings).toEqual([
      {
        kind: 'evidence',
        subject: screenshot(),
        problem: expect.stringMatching(/^the file's content hashes to [0-9a-f]{64}$/),
      },
      {
        kind: 'timestamp',
        subject: screenshot(),
        problem: expect.stringMatching(/message imprint/),
      },
    ]);
  });

  it('names a removed evidence file', async () => {
    rmSync(evidencePath(t.dataDir, screenshot()));
    const { findings } = await verify();
    expect(findings[0]).toEqual({
      kind: 'evidence',
      subject: screenshot(),
      problem: 'the file is missing',
    });
  });

  it('names an edited custody row, and one removed', async () => {
    const of = `material_id = ${literal(evidence.materialId)}`;
    const row = (await t.rows('custodyEvents')).find(
      (e) => e.materialId === evidence.materialId && e.seq === 2,
    )!.event;
    const edited = row.replace(/"receivedAt":"[^"]+"/, '"receivedAt":"2026-01-01T00:00:00.000Z"');
    expect(edited).not.toBe(row);
    t.execute(`UPDATE custody_events SET event = ${literal(edited)} WHERE ${of} AND seq = 2`);
    expect((await verify()).findings).toEqual([
      {
        kind: 'custody',
        subject: `${evidence.materialId} #2`,
        problem: expect.stringMatching(/^the content hashes to [0-9a-f]{64}, not its hash$/),
      },
    ]);
    t.execute(`UPDATE custody_events SET event = ${literal(row)} WHERE ${of} AND seq = 2`);
    t.execute(`DELETE FROM custody_events WHERE ${of} AND seq = 5`);
    expect((await verify()).findings).toEqual([
      { kind: 'custody', subject: `${evidence.materialId} #6`, problem: 'expected event number 5' },
      {
        kind: 'custody',
        subject: `${evidence.materialId} #6`,
        problem: 'prevHash is not the previous event’s hash',
      },
    ]);
  });

  it('names a replaced or edited token', async () => {
    // Named in the order the tokens are checked, by the files' hashes.
    const [a, b] = [evidence.listing[0]!.sha256, evidence.listing[1]!.sha256].sort() as [
      string,
      string,
    ];
    // Another genuine token, for another file, put in this file's place.
    writeFileSync(timestampPath(t.dataDir, a), readFileSync(timestampPath(t.dataDir, b)));
    const tokenOfB = readFileSync(timestampPath(t.dataDir, b));
    const edited = Buffer.from(tokenOfB);
    edited.writeUInt8(edited.readUInt8(edited.length - 40) ^ 0xff, edited.length - 40);
    writeFileSync(timestampPath(t.dataDir, b), edited);
    const { findings } = await verify();
    expect(findings).toEqual([
      {
        kind: 'timestamp',
        subject: a,
        problem: expect.stringMatching(
          /^the token file hashes to [0-9a-f]{64}, not the token recorded$/,
        ),
      },
      {
        kind: 'timestamp',
        subject: b,
        problem: expect.stringMatching(/^the token file hashes to/),
      },
    ]);
    // Even with the record forged to match, the token itself does not hold.
    const { createHash } = await import('node:crypto');
    const recordToken = (sha256: string, token: Buffer) =>
      t.execute(
        `UPDATE evidence_timestamps SET token_sha256 = ${literal(
          createHash('sha256').update(token).digest('hex'),
        )} WHERE sha256 = ${literal(sha256)}`,
      );
    recordToken(a, readFileSync(timestampPath(t.dataDir, a)));
    recordToken(b, edited);
    const forged = (await verify()).findings;
    expect(forged).toEqual([
      { kind: 'timestamp', subject: a, problem: expect.stringMatching(/message imprint/) },
      {
        kind: 'timestamp',
        subject: b,
        problem: expect.stringMatching(/signature|TimeStampResp|token/),
      },
    ]);
  });

  it('runs as a command that exits 1 and prints what was tampered with', async () => {
    const path = evidencePath(t.dataDir, screenshot());
    writeFileSync(path, pngBytes('swapped'));
    const run = promisify(execFile);
    const env = {
      ...process.env,
      WEBTAGGER_DATA_DIR: t.dataDir,
      WEBTAGGER_TSA_URL: tsa.url,
      WEBTAGGER_TSA_CA_FILE: tsa.caFile,
      ...(t.engine === 'PostgreSQL'
        ? { WEBTAGGER_DATABASE_URL: t.postgres.pool.options.connectionString }
        : {}),
    };
    const failure = await run('npx', ['tsx', join(import.meta.dirname, '../../verify-cli.ts')], {
      env,
    }).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stdout).toContain(
      `TAMPERED evidence ${screenshot()}: the file's content hashes to`,
    );
    expect(failure.stdout).toMatch(/Checked 3 evidence files, 3 time-stamp tokens, 1 custody logs/);
  });
});
