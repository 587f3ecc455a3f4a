import { expect } from 'vitest';
import { materialsAnswer } from './answers';
import { type Answer, type Api, expectAnswer } from './client';

// A reviewer's steps, through the review API, for the suites that need a material to move.

/** The one material a URL (in any of its forms) belongs to. */
export async function materialOf(api: Api, reviewerToken: string, url: string) {
  const query = new URLSearchParams({ q: url }).toString();
  const answer = await api.request('GET', `/api/materials?${query}`, { token: reviewerToken });
  const { materials } = expectAnswer(answer, 200, materialsAnswer);
  expect(materials).toHaveLength(1);
  return materials[0]!;
}

/** Sends a decision on a material. */
export function decide(
  api: Api,
  reviewerToken: string,
  materialId: string,
  decision: { status: string; comment: string; expectedVersion: number },
): Promise<Answer> {
  return api.request('POST', `/api/materials/${materialId}/decision`, {
    token: reviewerToken,
    json: decision,
  });
}

/** Moves the material of a URL from `submitted` to `under_review`. */
export async function takeIntoReview(api: Api, reviewerToken: string, url: string) {
  const material = await materialOf(api, reviewerToken, url);
  const answer = await decide(api, reviewerToken, material.id, {
    status: 'under_review',
    comment: '',
    expectedVersion: material.version,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return material;
}
