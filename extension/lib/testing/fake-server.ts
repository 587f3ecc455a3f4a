import type { ErrorCode } from '#shared/schemas/errors';
import type { ReportChange, ReportInput, StoredReport } from '#shared/schemas/report';
import type { Mutation, MutationResult, PushRequest } from '#shared/schemas/sync';
import { canonicalUrl, urlKeyHash } from '#shared/url-key';
import { sha256Hex } from '../storage/evidence-files';

/** A failure the fake server answers instead of doing its work. */
export type Failure =
  | 'network'
  | { status: number; code: ErrorCode | 'html'; retryAfter?: string; details?: unknown };

type Rule = (
  mutation: Mutation,
) => Pick<MutationResult, 'code' | 'message' | 'findings'> | undefined;

const USER_ID = '00000000-0000-4000-8000-000000000001';
const AT = '2026-11-24T10:00:00.000Z';

/**
 * An in-memory stand-in for the server's sync API (api.md), as a `fetch` for `createApiClient`:
 * push (idempotent by mutation id), pull with a cursor, known URLs, evidence upload, for a bearer
 * token. It answers as the real app does: fake-server.test.ts runs the server's sync contract
 * (shared/testing/sync-contract.ts) on it. Tests make it
 * fail on purpose: `failNext` answers the next requests with errors, `loseNextAnswer` does the work
 * and then drops the answer, `rule` rejects chosen mutations.
 */
export function createFakeServer(options: { knownUrlsPage?: number } = {}) {
  const reports = new Map<string, StoredReport>();
  const changes: ReportChange[] = [];
  const applied = new Map<string, MutationResult>();
  const knownHashes: string[] = [];
  const evidence = new Map<string, { type: string; bytes: number }>();
  const requests: { method: string; path: string; body?: unknown }[] = [];
  const state = {
    /** Answers for the next requests, in order; `null` lets one through. */
    failNext: [] as (Failure | null)[],
    loseNextAnswer: false,
    /** Answer pushes with no results at all (a broken server). */
    answerNone: false,
    rule: undefined as Rule | undefined,
  };

  function record(report: ReportInput, version: number): StoredReport {
    const urlKey = canonicalUrl(report.url);
    const hash = urlKeyHash(urlKey);
    if (!knownHashes.includes(hash)) knownHashes.push(hash);
    const stored: StoredReport = {
      ...report,
      userId: USER_ID,
      urlKey,
      status: reports.get(report.id)?.status ?? 'submitted',
      version,
      createdAt: AT,
      updatedAt: AT,
      deleted: false,
    };
    reports.set(report.id, stored);
    changes.push(stored);
    return stored;
  }

  function applyMutation(mutation: Mutation): MutationResult {
    const earlier = applied.get(mutation.id);
    if (earlier) return { ...earlier, status: 'duplicate' };
    const refusal = state.rule?.(mutation);
    if (refusal) return { id: mutation.id, status: 'rejected', ...refusal };
    let result: MutationResult;
    if (mutation.op === 'upsert') {
      const version = (reports.get(mutation.report.id)?.version ?? 0) + 1;
      result = { id: mutation.id, status: 'applied', report: record(mutation.report, version) };
    } else {
      const held = reports.get(mutation.reportId);
      if (held) {
        reports.delete(mutation.reportId);
        changes.push({ id: held.id, deleted: true, version: held.version + 1, updatedAt: AT });
      }
      result = { id: mutation.id, status: 'applied' };
    }
    applied.set(mutation.id, result);
    return result;
  }

  async function handle(method: string, url: URL, body: unknown): Promise<Response> {
    const path = url.pathname;
    if (method === 'POST' && path === '/api/sync/push') {
      const results = (body as PushRequest).mutations.map(applyMutation);
      return json(200, { results: state.answerNone ? [] : results });
    }
    if (method === 'GET' && path === '/api/sync/pull') {
      const from = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 500);
      const page = changes.slice(from, from + limit);
      const cursor = String(from + page.length);
      return json(200, { changes: page, cursor, hasMore: from + page.length < changes.length });
    }
    if (method === 'GET' && path === '/api/known-urls') {
      const from = Number(url.searchParams.get('cursor') ?? 0);
      const size = options.knownUrlsPage ?? 5000;
      const hashes = knownHashes.slice(from, from + size);
      const cursor = String(from + hashes.length);
      return json(200, { hashes, cursor, hasMore: from + hashes.length < knownHashes.length });
    }
    const evidencePath = /^\/api\/evidence\/([0-9a-f]{64})$/.exec(path);
    if (method === 'PUT' && evidencePath) {
      const sha256 = evidencePath[1]!;
      const had = evidence.has(sha256);
      // As the server does, the bytes must be those the path names.
      const data = body instanceof Blob ? await body.arrayBuffer() : (body as ArrayBuffer);
      if ((await sha256Hex(new Uint8Array(data))) !== sha256) {
        return json(400, {
          error: { code: 'validation_failed', message: 'The body does not match the SHA-256.' },
        });
      }
      const bytes = data.byteLength;
      const type = 'image/png';
      evidence.set(sha256, { type, bytes });
      return json(had ? 200 : 201, { sha256, mime: type, bytes });
    }
    return json(404, { error: { code: 'not_found', message: 'No such endpoint.' } });
  }

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const raw = init?.body;
    const body = typeof raw === 'string' ? JSON.parse(raw) : raw;
    requests.push({ method, path: url.pathname, body });
    const failure = state.failNext.shift();
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure) return failureResponse(failure);
    const response = new Headers(init?.headers).get('authorization')?.startsWith('Bearer ')
      ? await handle(method, url, body)
      : json(401, { error: { code: 'unauthorized', message: 'Sign in first.' } });
    if (state.loseNextAnswer) {
      state.loseNextAnswer = false;
      throw new TypeError('Failed to fetch');
    }
    return response;
  };

  return {
    fetch,
    state,
    requests,
    reports,
    knownHashes,
    evidence,
    /** The pushes received so far (whatever became of them). */
    pushes: () =>
      requests.filter((r) => r.path === '/api/sync/push').map((r) => r.body as PushRequest),
    /** Moves a report to another review status, as a reviewer would, maybe with a comment. */
    setStatus(reportId: string, status: StoredReport['status'], reporterComment?: string) {
      const { reporterComment: _previous, ...held } = reports.get(reportId)!;
      const next = {
        ...held,
        status,
        version: held.version + 1,
        ...(reporterComment ? { reporterComment } : {}),
      };
      reports.set(reportId, next);
      changes.push(next);
    },
    /** Deletes a report as its owner would from another browser. */
    deleteElsewhere(reportId: string) {
      applyMutation({ id: crypto.randomUUID(), op: 'delete', reportId });
    },
    /** Adds materials other analysts reported. */
    addKnownUrls(urls: string[]) {
      for (const url of urls) knownHashes.push(urlKeyHash(canonicalUrl(url)));
    },
  };
}
export type FakeServer = ReturnType<typeof createFakeServer>;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function failureResponse(failure: Exclude<Failure, 'network'>): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (failure.retryAfter) headers['retry-after'] = failure.retryAfter;
  const body =
    failure.code === 'html'
      ? '<html>Bad gateway</html>'
      : JSON.stringify({
          error: { code: failure.code, message: 'failure', details: failure.details },
        });
  return new Response(body, { status: failure.status, headers });
}
