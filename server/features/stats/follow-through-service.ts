import type {
  FollowThroughQuery,
  FollowThroughResponse,
  RecipientCompliance,
  TimeToOutcome,
} from '#shared/schemas/follow-through';
import { isOverdue } from '#shared/schemas/notices';
import type { Storage } from '../../storage';
import type { Period } from '../../storage/follow-through-store';
import type { NoticeListRow } from '../../storage/notices-store';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The period's ends as timestamps: from the first day's start to the day after the last. */
function periodOf(query: FollowThroughQuery): Period {
  return {
    from: query.from && `${query.from}T00:00:00.000Z`,
    before: query.to && new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS).toISOString(),
  };
}

const inPeriod = (at: string, period: Period) =>
  (!period.from || at >= period.from) && (!period.before || at < period.before);

/** The p-th percentile (0–1) of sorted values, interpolating linearly between ranks. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

const round = (hours: number | null) => (hours === null ? null : Math.round(hours * 10) / 10);

async function timeToOutcome(
  storage: Pick<Storage, 'followThrough'>,
  period: Period,
): Promise<TimeToOutcome> {
  let blocked = 0;
  let removed = 0;
  const hours: number[] = [];
  for (const m of await storage.followThrough.materialOutcomes()) {
    const first = [m.blockedAt, m.removedAt].filter((at): at is string => at !== null).sort()[0];
    if (!first || !m.firstReportedAt || !inPeriod(first, period)) continue;
    if (first === m.blockedAt) blocked++;
    else removed++;
    hours.push((Date.parse(first) - Date.parse(m.firstReportedAt)) / HOUR_MS);
  }
  hours.sort((a, b) => a - b);
  return {
    materials: hours.length,
    blocked,
    removed,
    medianHours: round(percentile(hours, 0.5)),
    p75Hours: round(percentile(hours, 0.75)),
    p90Hours: round(percentile(hours, 0.9)),
    maxHours: round(hours.at(-1) ?? null),
  };
}

/** Each recipient's answers to the notices sent to it in the period, the most sent first. */
function compliance(rows: NoticeListRow[], period: Period, now: Date): RecipientCompliance[] {
  const byRecipient = new Map<string, RecipientCompliance>();
  for (const { notice, recipient } of rows) {
    if (!notice.sentAt || !inPeriod(notice.sentAt, period)) continue;
    const entry = byRecipient.get(recipient.id) ?? {
      recipientId: recipient.id,
      name: recipient.name,
      type: recipient.type,
      sent: 0,
      complied: 0,
      partlyComplied: 0,
      refused: 0,
      overdue: 0,
      awaiting: 0,
      complianceRate: null,
    };
    entry.sent++;
    if (notice.status === 'complied') entry.complied++;
    else if (notice.status === 'partly_complied') entry.partlyComplied++;
    else if (notice.status === 'refused') entry.refused++;
    else if (isOverdue(notice, now)) entry.overdue++;
    else entry.awaiting++;
    entry.complianceRate = entry.complied / entry.sent;
    byRecipient.set(recipient.id, entry);
  }
  return [...byRecipient.values()].sort((a, b) => b.sent - a.sent || (a.name < b.name ? -1 : 1));
}

/**
 * What became of the materials and notices followed through in the period: time to blocking or
 * removal, re-check outcomes per day, compliance by recipient, and the notices overdue now.
 */
export async function followThroughStats(
  storage: Pick<Storage, 'followThrough' | 'notices'>,
  query: FollowThroughQuery,
  now: Date,
): Promise<FollowThroughResponse> {
  const period = periodOf(query);
  const notices = await storage.notices.list({});
  return {
    timeToOutcome: await timeToOutcome(storage, period),
    rechecks: await storage.followThrough.recheckOutcomes(period),
    compliance: compliance(notices, period, now),
    overdueNotices: notices.filter((n) => isOverdue(n.notice, now)).length,
  };
}
