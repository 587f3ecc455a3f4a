import { expect } from 'vitest';

/** An answer as `"<status>"` or `"<status> <stable code>"`, e.g. `"400 validation_failed"`. */
export type ExpectedAnswer = `${number}` | `${number} ${string}`;

/**
 * Asserts that an answer is exactly one of those the test names, each a status and, for an error,
 * its stable code: a hostile-input test says what it expects, not merely "no 5xx".
 */
export function expectAnswerIn(
  answer: { status: number; code?: string },
  expected: readonly ExpectedAnswer[],
  what = '',
): void {
  const got = answer.code ? `${answer.status} ${answer.code}` : `${answer.status}`;
  expect(expected, what).toContain(got);
}
