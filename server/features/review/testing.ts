import { expect } from 'vitest';
import type { ReviewStatus } from '#shared/review-status';
import type { ReportInput } from '#shared/schemas/report';
import { materialsQuerySchema } from '#shared/schemas/review';
import { canonicalUrl } from '#shared/url-key';
import { type JsonAnswer, pushAs, sampleReport, upsertOf } from '../../testing/reports';
import type { createTestApp } from '../../testing/test-app';
import type { TestUser } from '../../testing/users';
import { listMaterials } from './materials-list';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Caller = { auth: Record<string, string> };

/** Pushes one report as the analyst and answers it with the id of its material. */
export async function report(
  t: TestApp,
  analyst: TestUser,
  overrides: Partial<ReportInput> = {},
): Promise<{ report: ReportInput; materialId: string }> {
  const input = sampleReport(overrides);
  const { body } = await pushAs(t, analyst, [upsertOf(input)]);
  expect(body.results[0].status).toBe('applied');
  // Through the storage interface, so that the helper serves the suites of either engine.
  const page = await listMaterials(
    t.storage,
    materialsQuerySchema.parse({ q: canonicalUrl(input.url) }),
  );
  return { report: input, materialId: page.materials[0]!.id };
}

/** Sends a decision as the caller; answers status and body. */
export async function decide(
  t: TestApp,
  caller: Caller,
  materialId: string,
  status: ReviewStatus,
  expectedVersion: number,
  comment = 'Решение по материалу',
) {
  const response = await t.app.request(`/api/materials/${materialId}/decision`, {
    method: 'POST',
    headers: { ...caller.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ status, comment, expectedVersion }),
  });
  return { status: response.status, body: (await response.json()) as JsonAnswer };
}

/** Moves a material through the workflow to `path`'s last status, one decision per step. */
export async function walk(t: TestApp, caller: Caller, materialId: string, path: ReviewStatus[]) {
  let version = (await t.storage.review.materialFile(materialId))!.material.version;
  for (const status of path) {
    const answer = await decide(t, caller, materialId, status, version);
    expect(answer.status).toBe(200);
    version = answer.body.material.version;
  }
}

/** GETs a path as the caller; answers status and parsed JSON body. */
export async function getJson(t: TestApp, caller: Caller, path: string) {
  const response = await t.app.request(path, { headers: caller.auth });
  return { status: response.status, body: (await response.json()) as JsonAnswer };
}
