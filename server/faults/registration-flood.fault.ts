import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../db/open';
import { rawMultipart, registrationParts, SAMPLE_FILES } from '../features/accounts/testing';
import { currentPolicy, ensureInitialPolicy } from '../features/consent/policy-store';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server';

// R7: registration floods. Ten anonymous registrations at once, each with five 10 MiB documents,
// must keep the server's memory bounded (uploads stream to disk, a few at a time), and a flood
// from one address is cut off by the registration rate limit.
const MIB = 1024 * 1024;
let root: string;
let server: SpawnedServer;
let policyVersion: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'webtagger-r7-'));
  const storage = openStorage(join(root, 'data'));
  await ensureInitialPolicy(storage, new Date());
  policyVersion = (await currentPolicy(storage))!.version;
  storage.close();
  server = await spawnServer({ dataDir: join(root, 'data') });
});
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

const BOUNDARY = 'R7boundary';
let registrations = 0;
/** A registration with five 10 MiB PDF documents: 50 MiB of body. */
function registration(): Uint8Array {
  const text = registrationParts(`r7-${registrations++}@gov.test`, policyVersion);
  const document = Buffer.concat([
    SAMPLE_FILES.pdf,
    Buffer.alloc(10 * MIB - SAMPLE_FILES.pdf.length),
  ]);
  const files = Array.from({ length: 5 }, (_, i) => ({
    headers: `Content-Disposition: form-data; name="documents"; filename="scan-${i}.pdf"\r\nContent-Type: application/pdf`,
    body: document,
  }));
  return rawMultipart([...text, ...files], BOUNDARY);
}

const register = (body: Uint8Array) =>
  fetch(`${server.url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body,
  }).then(async (response) => ({
    status: response.status,
    code: ((await response.json()) as { error?: { code: string } }).error?.code,
    retryAfter: response.headers.get('retry-after'),
  }));

describe('R7: registration floods', () => {
  it('keeps memory under 300 MB through 10 concurrent 50 MiB registrations', async () => {
    const bodies = Array.from({ length: 10 }, registration);
    const answers = await Promise.all(bodies.map(register));
    const peakMb = server.memory().peakKb / 1024;
    console.info(
      `R7: 10 × 50 MiB registrations → ${JSON.stringify(answers.map((a) => a.status))}, peak RSS ${peakMb.toFixed(0)} MB`,
    );
    expect(peakMb).toBeLessThan(300);
    // Each is registered or told to come back later; none fails.
    for (const answer of answers) {
      expect([201, 429]).toContain(answer.status);
      if (answer.status === 429) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThan(0);
    // Nothing of the refused uploads is left on disk.
    expect(readdirSync(join(root, 'data', 'uploads'))).toEqual([]);
  });

  it('cuts off a flood of registrations from one address with 429 and Retry-After', async () => {
    const small = () =>
      rawMultipart(
        [
          { headers: 'Content-Disposition: form-data; name="email"', body: 'not an e-mail' },
          {
            headers:
              'Content-Disposition: form-data; name="documents"; filename="a.pdf"\r\nContent-Type: application/pdf',
            body: SAMPLE_FILES.pdf,
          },
        ],
        BOUNDARY,
      );
    const answers = [];
    for (let i = 0; i < 50; i++) answers.push(await register(small()));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(35);
    expect(limited[0]?.code).toBe('too_many_requests');
    expect(Number(limited[0]?.retryAfter)).toBeGreaterThan(0);
  });
});
