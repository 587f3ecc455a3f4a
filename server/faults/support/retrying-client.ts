import type { Mutation } from '#shared/schemas/sync';
import { sleep } from './seeded';

export type MutationAnswer = {
  id: string;
  status: 'applied' | 'duplicate' | 'rejected';
  code?: string;
};

/**
 * An analyst's device that pushes its batches in order and, like the extension's outbox, sends a
 * batch again unchanged (same mutation ids) until the server answers it — through refused
 * connections, reset sockets and 5xx alike.
 */
export async function pushUntilAnswered(
  /** Where to send; given how many times this batch went unanswered, to try another replica. */
  url: (unanswered: number) => string,
  token: string,
  batches: Mutation[][],
  /** Called with each batch's answers; the next batch waits for what it returns. */
  onAnswered: (answers: MutationAnswer[]) => unknown,
): Promise<{ attempts: number; failures: number }> {
  let attempts = 0;
  let failures = 0;
  for (const mutations of batches) {
    const body = JSON.stringify({ deviceId: 'fault-device', mutations });
    for (let unanswered = 0; ; unanswered++) {
      attempts++;
      try {
        const response = await fetch(`${url(unanswered)}/api/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        if (response.status === 200) {
          await onAnswered((JSON.parse(text) as { results: MutationAnswer[] }).results);
          break;
        }
        if (response.status < 500) throw new Error(`push refused: ${response.status} ${text}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('push refused')) throw error;
      }
      failures++;
      await sleep(50 + Math.random() * 100);
    }
  }
  return { attempts, failures };
}
