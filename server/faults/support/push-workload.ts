import type { Mutation } from '#shared/schemas/sync';
import { sampleReport, upsertOf } from '../../testing/reports';

/**
 * Each analyst's batches of a large push: `reports` in all, `batch` a request, a few hundred
 * materials reported by several analysts (their URLs drawn from 3 000 sites).
 */
export function sharedPushWorkload(
  random: () => number,
  options: { analysts: number; reports: number; batch: number; tag: string },
): Mutation[][][] {
  const perAnalyst = options.reports / options.analysts;
  return Array.from({ length: options.analysts }, (_, a) => {
    const mutations = Array.from({ length: perAnalyst }, (_, i) =>
      upsertOf(
        sampleReport({
          url: `https://shared-${Math.floor(random() * 3000)}.example.kz/p/${i % 7}`,
          note: `${options.tag} ${a}-${i}`,
        }),
      ),
    );
    return Array.from({ length: mutations.length / options.batch }, (_, b) =>
      mutations.slice(b * options.batch, (b + 1) * options.batch),
    );
  });
}

/** Every change an analyst pulls from a server, page after page, as the extension does. */
export async function pullAll(url: string, token: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '';
  for (;;) {
    const response = await fetch(`${url}/api/sync/pull?limit=1000&cursor=${cursor}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as {
      changes: { id: string }[];
      cursor: string;
      hasMore: boolean;
    };
    ids.push(...page.changes.map((c) => c.id));
    cursor = page.cursor;
    if (!page.hasMore) return ids;
  }
}
