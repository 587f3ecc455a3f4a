import type { ReportInput } from '#shared/schemas/report';
import type { SeededAccount } from '../../server/testing/seed';
import type { Random } from './random';
import { realisticReports } from './realistic-reports';

/** One push request, serialized before any clock starts. */
export type PushBatch = {
  analyst: number;
  mutationIds: string[];
  reports: ReportInput[];
  body: string;
};

/** `perAnalyst` batches of `size` realistic reports for each of `analysts` analysts. */
export function pushBatches(r: Random, analysts: number, perAnalyst: number, size = 500) {
  const stream = realisticReports(r, analysts * perAnalyst * size);
  const batches: PushBatch[][] = [];
  for (let a = 0; a < analysts; a++) {
    const mine: PushBatch[] = [];
    for (let b = 0; b < perAnalyst; b++) {
      const reports = Array.from({ length: size }, () => stream.next());
      const mutationIds = reports.map(() => r.uuid());
      const mutations = reports.map((report, i) => ({ id: mutationIds[i], op: 'upsert', report }));
      const body = JSON.stringify({ deviceId: `device-${a}`, mutations });
      mine.push({ analyst: a, mutationIds, reports, body });
    }
    batches.push(mine);
  }
  return batches;
}

export type PushOutcome = { status: number; applied: number; duplicate: number; rejected: number };

/** Pushes one batch as the analyst; the body is read whole so that timing covers the answer. */
export async function sendPush(url: string, analyst: SeededAccount, body: string): Promise<string> {
  const response = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${analyst.token}`, 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`push answered ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

/** Counts the statuses of a push answer. */
export function outcomeOf(answer: string): PushOutcome {
  const { results } = JSON.parse(answer) as { results: { status: string }[] };
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return {
    status: 200,
    applied: count('applied'),
    duplicate: count('duplicate'),
    rejected: count('rejected'),
  };
}
