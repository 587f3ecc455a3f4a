import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../schemas/errors';
import { evidenceUploadResponseSchema } from '../schemas/evidence';
import type { ReportInput } from '../schemas/report';
import {
  knownUrlsResponseSchema,
  type Mutation,
  type PullResponse,
  pullResponseSchema,
  pushResponseSchema,
} from '../schemas/sync';
import { canonicalUrl, urlKeyHash } from '../url-key';
import { aReportInput } from './reports';

/** A server answering the sync API (api.md) for one signed-in analyst who accepted the policy. */
export type SyncContractTarget = {
  /** Answers requests to `baseUrl`, as the browser's fetch would (the contract does no I/O). */
  fetch(url: string, init: RequestInit): Promise<Response>;
  baseUrl: string;
  /** The analyst's bearer token. */
  token: string;
  dispose?(): void | Promise<void>;
};

/**
 * The sync API as the extension uses it: push (idempotent by mutation id), pull with an opaque
 * cursor, the known URLs, evidence upload, and the answers it must tell apart. Run against the
 * real app (server/features/sync/contract.test.ts) and against the extension's fake server
 * (extension/lib/testing/fake-server.test.ts), so that the fake cannot drift from the server.
 */
export function describeSyncContract(name: string, start: () => Promise<SyncContractTarget>) {
  describe(`the sync contract: ${name}`, () => {
    for (const [behaviour, check] of SYNC_CONTRACT) {
      it(behaviour, () => withTarget(start, check));
    }
  });
}

/**
 * The behaviours of the contract that a target fails, with why: none for a server that keeps it.
 * Lets a test show that the contract notices a target that drifts from it.
 */
export async function contractFailures(
  start: () => Promise<SyncContractTarget>,
): Promise<{ behaviour: string; error: string }[]> {
  const failures: { behaviour: string; error: string }[] = [];
  for (const [behaviour, check] of SYNC_CONTRACT) {
    try {
      await withTarget(start, check);
    } catch (error) {
      failures.push({ behaviour, error: String(error) });
    }
  }
  return failures;
}

async function withTarget(
  start: () => Promise<SyncContractTarget>,
  check: (target: SyncContractTarget) => Promise<void>,
) {
  const target = await start();
  try {
    await check(target);
  } finally {
    await target.dispose?.();
  }
}

async function call(
  target: SyncContractTarget,
  path: string,
  init: { method?: string; body?: unknown; raw?: Uint8Array; token?: string | null } = {},
) {
  const token = init.token === undefined ? target.token : init.token;
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.raw) headers['content-type'] = 'image/png';
  const response = await target.fetch(target.baseUrl + path, {
    method: init.method ?? 'GET',
    headers,
    body: init.raw
      ? (init.raw.slice().buffer as ArrayBuffer)
      : init.body === undefined
        ? undefined
        : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const push = (target: SyncContractTarget, mutations: Mutation[]) =>
  call(target, '/api/sync/push', {
    method: 'POST',
    body: { deviceId: 'contract', mutations },
  });

/** Every change the pull gives from the start, page by page. */
async function pullAll(target: SyncContractTarget, limit: number) {
  const pages: PullResponse[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== undefined) query.set('cursor', cursor);
    const answer = await call(target, `/api/sync/pull?${query}`);
    expect(answer.status).toBe(200);
    const page = pullResponseSchema.parse(answer.body);
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) return { pages, cursor };
  }
  throw new Error('the pull never ended');
}

type Check = (target: SyncContractTarget) => Promise<void>;

/** Each behaviour of the sync API the extension relies on, and its check. */
const SYNC_CONTRACT: [string, Check][] = [
  [
    'applies an upsert once: the same mutation again is a duplicate, a new one a version',
    async (target) => {
      const report = aReport();
      const first = upsert(report);
      const applied = await push(target, [first]);
      expect(applied.status).toBe(200);
      const results = pushResponseSchema.parse(applied.body).results;
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({
        id: first.id,
        status: 'applied',
        report: { id: report.id, version: 1, status: 'submitted', deleted: false },
      });
      expect(results[0]?.report?.urlKey).toBe(canonicalUrl(report.url));

      const again = pushResponseSchema.parse((await push(target, [first])).body).results;
      expect(again).toHaveLength(1);
      expect(again[0]).toMatchObject({ id: first.id, status: 'duplicate' });

      const edit = upsert({ ...report, note: 'Edited.' });
      const edited = pushResponseSchema.parse((await push(target, [edit])).body).results;
      expect(edited).toHaveLength(1);
      expect(edited[0]).toMatchObject({
        id: edit.id,
        status: 'applied',
        report: { id: report.id, version: 2, note: 'Edited.' },
      });
    },
  ],

  [
    'answers each mutation of a batch in order',
    async (target) => {
      const mutations = [upsert(aReport()), upsert(aReport()), upsert(aReport())];
      const results = pushResponseSchema.parse((await push(target, mutations)).body).results;
      expect(results.map((r) => [r.id, r.status])).toEqual(mutations.map((m) => [m.id, 'applied']));
    },
  ],

  [
    'pulls every report at its latest version, page by page, then nothing new',
    async (target) => {
      const reports = [aReport(), aReport(), aReport()];
      await push(target, reports.map(upsert));
      await push(target, [upsert({ ...reports[0]!, note: 'Edited.' })]);

      const { pages, cursor } = await pullAll(target, 2);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.slice(0, -1).every((page) => page.hasMore)).toBe(true);
      const latest = new Map<string, number>();
      for (const change of pages.flatMap((page) => page.changes)) {
        latest.set(change.id, change.version);
      }
      expect(Object.fromEntries(latest)).toEqual({
        [reports[0]!.id]: 2,
        [reports[1]!.id]: 1,
        [reports[2]!.id]: 1,
      });

      const after = await call(target, `/api/sync/pull?cursor=${encodeURIComponent(cursor!)}`);
      expect(pullResponseSchema.parse(after.body)).toMatchObject({
        changes: [],
        hasMore: false,
      });
    },
  ],

  [
    'pulls a deletion as a tombstone after the cursor it was made at',
    async (target) => {
      const report = aReport();
      await push(target, [upsert(report)]);
      const { cursor } = await pullAll(target, 500);
      const deletion: Mutation = { id: crypto.randomUUID(), op: 'delete', reportId: report.id };
      const results = pushResponseSchema.parse((await push(target, [deletion])).body).results;
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ id: deletion.id, status: 'applied' });

      const after = await call(target, `/api/sync/pull?cursor=${encodeURIComponent(cursor!)}`);
      const page = pullResponseSchema.parse(after.body);
      expect(page.changes).toHaveLength(1);
      expect(page.changes[0]).toMatchObject({ id: report.id, deleted: true, version: 2 });
    },
  ],

  [
    'lists the hash of every reported URL key among the known URLs',
    async (target) => {
      const report = aReport({
        url: 'https://WWW.Casino-Contract.example.kz/play/?utm_source=x',
      });
      await push(target, [upsert(report)]);
      const answer = await call(target, '/api/known-urls');
      expect(answer.status).toBe(200);
      const page = knownUrlsResponseSchema.parse(answer.body);
      expect(page.hashes).toContain(urlKeyHash(canonicalUrl(report.url)));
      expect(page.hasMore).toBe(false);

      const next = await call(target, `/api/known-urls?cursor=${encodeURIComponent(page.cursor)}`);
      expect(knownUrlsResponseSchema.parse(next.body)).toMatchObject({
        hashes: [],
        hasMore: false,
      });
    },
  ],

  [
    'stores evidence under its hash: 201 the first time, 200 after',
    async (target) => {
      const sha256 = await sha256Hex(PNG);
      const path = `/api/evidence/${sha256}`;
      const first = await call(target, path, { method: 'PUT', raw: PNG });
      expect(first.status).toBe(201);
      expect(evidenceUploadResponseSchema.parse(first.body)).toEqual({
        sha256,
        mime: 'image/png',
        bytes: PNG.byteLength,
      });
      const again = await call(target, path, { method: 'PUT', raw: PNG });
      expect([again.status, again.body]).toEqual([200, first.body]);
    },
  ],

  [
    'refuses a request without a token with unauthorized',
    async (target) => {
      for (const answer of [
        await call(target, '/api/sync/pull', { token: null }),
        await call(target, '/api/known-urls', { token: null }),
        await push({ ...target, token: '' }, [upsert(aReport())]),
      ]) {
        expect(answer.status).toBe(401);
        expect(errorBodySchema.parse(answer.body).error.code).toBe('unauthorized');
      }
    },
  ],

  [
    'answers an unknown API path with not_found',
    async (target) => {
      const answer = await call(target, '/api/sync/nothing-here');
      expect(answer.status).toBe(404);
      expect(errorBodySchema.parse(answer.body).error.code).toBe('not_found');
    },
  ],
];

/** A valid report of a page of its own. */
function aReport(overrides: Partial<ReportInput> = {}): ReportInput {
  const id = crypto.randomUUID();
  return aReportInput({
    id,
    url: `https://casino-${id.slice(0, 8)}.example.kz/play`,
    ...overrides,
  });
}

const upsert = (report: ReportInput): Mutation => ({
  id: crypto.randomUUID(),
  op: 'upsert',
  report,
});

// A PNG signature and its header chunk: what the server's content check looks for.
const PNG = new Uint8Array([
  ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
  ...[0x49, 0x48, 0x44, 0x52],
  ...[0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0],
]);

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice().buffer as ArrayBuffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
