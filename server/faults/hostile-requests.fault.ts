import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, fileOf, SAMPLE_FILES } from '../features/accounts/testing';
import { sha256Hex } from '../features/evidence/evidence-files';
import { describedRoutes, routeKey } from '../features/openapi/registry';
import { siteApp } from '../site/site-app';
import { pushAs, sampleReport, upsertOf } from '../testing/reports';
import { createTestApp } from '../testing/test-app';
import { createTally, problemWith } from './support/answer-check';
import { type HostileRequest, hostileRequestsFor, ROLES } from './support/hostile-requests';
import { roleTokens } from './support/role-tokens';
import { runSeed } from './support/seeded';

// R3: thousands of malformed and hostile requests at every described API route (the OpenAPI
// registry, which a test keeps equal to app.routes) through app.request: no 5xx, no crash, every
// refusal a 4xx with a stable code of api.md. The site's pages get a slice of their own.
const RUNS = Number(process.env.FAULTS_FUZZ_RUNS ?? 10_000);
const CHUNK = 250;
const seed = runSeed();
let t: Awaited<ReturnType<typeof createTestApp>>;
let known: string[];

beforeAll(async () => {
  t = await createTestApp();
  // Real ids to put in path parameters now and then, so that requests reach deep into handlers.
  const analyst = await addAccount(t);
  const report = sampleReport();
  await pushAs(t, analyst, [upsertOf(report)]);
  const form = new FormData();
  form.append('document', fileOf(SAMPLE_FILES.pdf));
  const document = await t.app.request('/api/me/documents', {
    method: 'POST',
    headers: analyst.auth,
    body: form,
  });
  const material = t.sqlite.sqlite.prepare('SELECT id FROM materials').pluck().get() as string;
  known = [
    report.id,
    material,
    analyst.id,
    ((await document.json()) as { id: string }).id,
    sha256Hex(SAMPLE_FILES.png),
    '1',
  ];
});
afterAll(() => t.dispose());

async function send(request: HostileRequest, authorization: string | undefined, cookie?: string) {
  const headers: Record<string, string> = { ...request.headers };
  if (authorization) headers.authorization = authorization;
  if (cookie) headers.cookie = cookie;
  const response = await t.app.request(request.path, {
    method: request.method,
    headers,
    body: request.body,
  });
  return { status: response.status, body: await response.text() };
}

describe(`R3: hostile requests at every endpoint (seed ${seed})`, () => {
  it(`answers ${RUNS} hostile API requests without a 5xx, each refusal with a stable code`, async () => {
    const routes = describedRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const mounted = new Set(t.app.routes.map((r) => routeKey(r.method, r.path)));
    expect(routes.filter((r) => !mounted.has(routeKey(r.method, r.path)))).toEqual([]);
    const requests = fc.oneof(...routes.map((doc) => hostileRequestsFor(doc, known)));
    const tokens = roleTokens(t.storage, t.deps.now);
    const tally = createTally();
    const problems: string[] = [];
    for (let done = 0; done < RUNS; done += CHUNK) {
      for (const request of fc.sample(requests, {
        numRuns: Math.min(CHUNK, RUNS - done),
        seed: seed + done,
      })) {
        let answer: { status: number; body: string };
        try {
          answer = await send(request, await tokens.authorization(request.role));
        } catch (error) {
          problems.push(
            `${request.method} ${request.path.slice(0, 120)}: crashed: ${String(error)}`,
          );
          continue;
        }
        tally.add(request.route, answer.status, answer.body, request.method);
        const problem = problemWith(request.method, answer.status, answer.body);
        if (problem)
          problems.push(
            `${request.method} ${request.path.slice(0, 120)} [${request.kind}, ${request.role}]: ${problem}`,
          );
      }
    }
    console.info(
      `R3 seed ${seed}: ${RUNS} requests over ${tally.routes} routes, ${tokens.accountsMade} accounts made\n${tally.summary()}`,
    );
    expect(problems.slice(0, 10)).toEqual([]);
    expect(problems.length).toBe(0);
  });

  it('answers hostile requests to the site pages without a 5xx', async () => {
    const site = siteApp(t.deps);
    const pages = [
      ...new Map(
        site.routes.filter((r) => r.method !== 'ALL').map((r) => [routeKey(r.method, r.path), r]),
      ).values(),
    ];
    expect(pages.length).toBeGreaterThan(5);
    const tokens = roleTokens(t.storage, t.deps.now);
    const tally = createTally();
    const problems: string[] = [];
    const formBody = fc.oneof(
      fc
        .dictionary(
          fc.constantFrom(
            'email',
            'password',
            '_csrf',
            'status',
            'comment',
            'q',
            'lang',
            'version',
          ),
          fc.string({ maxLength: 300 }),
        )
        .map((fields) => new TextEncoder().encode(new URLSearchParams(fields).toString())),
      fc.uint8Array({ maxLength: 200 }),
    );
    const siteRequests = fc.record({
      page: fc.constantFrom(...pages),
      id: fc.oneof(
        fc.constantFrom(...known),
        fc.string({ maxLength: 50 }).map(encodeURIComponent),
        fc.constantFrom('%', '%C0%AF', '..'),
      ),
      query: fc.array(
        fc.tuple(
          fc.constantFrom('status', 'topic', 'q', 'cursor', 'from', 'to', 'by', 'lang', 'page'),
          fc.string({ maxLength: 40 }),
        ),
        { maxLength: 4 },
      ),
      role: fc.constantFrom(...ROLES),
      body: formBody,
      type: fc.constantFrom(
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'text/plain',
      ),
    });
    const runs = Math.max(200, Math.floor(RUNS / 10));
    for (const r of fc.sample(siteRequests, { numRuns: runs, seed })) {
      const path = r.page.path.replace(/:\w+/g, () => r.id || 'x').replace(/\*$/, '');
      const query = r.query.length ? `?${new URLSearchParams(r.query)}` : '';
      const authorization = await tokens.authorization(r.role);
      const cookie = authorization ? `wt_session=${authorization.slice(7)}` : undefined;
      const request: HostileRequest = {
        method: r.page.method,
        path: `${path}${query}`,
        role: r.role,
        headers:
          r.page.method === 'GET' ? {} : { 'content-type': r.type, origin: 'http://localhost' },
        ...(r.page.method === 'GET' ? {} : { body: r.body }),
        route: routeKey(r.page.method, r.page.path),
        kind: 'site',
      };
      try {
        const answer = await send(request, undefined, cookie);
        tally.add(request.route, answer.status, '');
        if (answer.status >= 500)
          problems.push(`${request.method} ${request.path}: ${answer.status}`);
      } catch (error) {
        problems.push(`${request.method} ${request.path}: crashed: ${String(error)}`);
      }
    }
    console.info(
      `R3 site (seed ${seed}): ${runs} requests over ${tally.routes} pages\n${tally.summary()}`,
    );
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
