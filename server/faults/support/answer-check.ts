import { ERROR_STATUS, type ErrorCode } from '#shared/schemas/errors';

/** What is wrong with an answer to a hostile request, or undefined when it is a proper one. */
export function problemWith(method: string, status: number, body: string): string | undefined {
  if (status >= 500) return `answered ${status}: ${body.slice(0, 200)}`;
  if (status < 400 || method === 'HEAD') return undefined;
  let code: unknown;
  try {
    code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
  } catch {
    return `answered ${status} without a JSON error body: ${body.slice(0, 80)}`;
  }
  if (typeof code !== 'string' || !(code in ERROR_STATUS))
    return `answered ${status} with code ${String(code)}`;
  if (ERROR_STATUS[code as ErrorCode] !== status) return `answered ${status} with code ${code}`;
  return undefined;
}

/** Counts of answers by route and by status/code, for the report a fault suite prints. */
export function createTally() {
  const byCode = new Map<string, number>();
  const byRoute = new Map<string, number>();
  return {
    add(route: string, status: number, body: string, method = 'GET') {
      let code = String(status);
      if (method === 'HEAD') code = `${status} (HEAD)`;
      else if (status >= 400) {
        try {
          code = `${status} ${(JSON.parse(body) as { error: { code: string } }).error.code}`;
        } catch {
          code = `${status} (no JSON)`;
        }
      }
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
      byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
    },
    summary(): string {
      const sorted = (m: Map<string, number>) =>
        [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`);
      return `by answer — ${sorted(byCode).join(', ')}\nby route — ${sorted(byRoute).join(', ')}`;
    },
    get routes() {
      return byRoute.size;
    },
  };
}

/** How many items fall under each key. */
export function countBy<T>(
  items: readonly T[],
  key: (item: T) => string | number,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = String(key(item));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}
