import { randomUUID } from 'node:crypto';
import type { ReportInput } from '#shared/schemas/report';
import type { Mutation } from '#shared/schemas/sync';

/** A valid report as the extension would push it; override any field. */
export function sampleReport(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    id: randomUUID(),
    url: `https://casino-${randomUUID().slice(0, 8)}.example.kz/promo?utm_source=tg`,
    title: 'Лучшее онлайн-казино',
    source: 'page',
    resourceType: 'website',
    languages: ['ru'],
    geography: { indicated: true, country: 'KZ', region: 'KZ-75' },
    openness: 'public',
    availability: 'accessible',
    topics: ['gambling'],
    note: 'Реклама онлайн-казино без лицензии.',
    capturedAt: '2026-11-24T09:00:00.000Z',
    ...overrides,
  };
}

/** An upsert mutation of the report. */
export function upsertOf(report: ReportInput): Mutation {
  return { id: randomUUID(), op: 'upsert', report };
}

/** A delete mutation of the report id. */
export function deleteOf(reportId: string): Mutation {
  return { id: randomUUID(), op: 'delete', reportId };
}

// biome-ignore lint/suspicious/noExplicitAny: test answers are checked by assertions, not by types
export type JsonAnswer = any;

type RequestingApp = {
  app: { request(path: string, init?: RequestInit): Response | Promise<Response> };
};

/** Pushes mutations as the user; answers the status and the parsed body. */
export async function pushAs(
  testApp: RequestingApp,
  user: { auth: Record<string, string> },
  mutations: unknown[],
  deviceId = 'test-device',
) {
  const response = await testApp.app.request('/api/sync/push', {
    method: 'POST',
    headers: { ...user.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId, mutations }),
  });
  return { status: response.status, body: (await response.json()) as JsonAnswer };
}

/** One page of the user's pull. */
export async function pullAs(
  testApp: RequestingApp,
  user: { auth: Record<string, string> },
  query: { cursor?: string; limit?: number } = {},
) {
  const params = new URLSearchParams();
  if (query.cursor !== undefined) params.set('cursor', query.cursor);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const response = await testApp.app.request(`/api/sync/pull?${params}`, { headers: user.auth });
  return { status: response.status, body: (await response.json()) as JsonAnswer };
}
