/** @jsxImportSource hono/jsx */
import { LEGAL_GROUNDS, type LegalGroundChoice } from '#shared/legal-grounds';
import { NOTICE_STATUSES, type NoticeStatus } from '#shared/schemas/notices';
import { formatTime } from '../components/format';
import type { View } from '../view';

/** A notice's status as a badge; an overdue one stands out. */
export function NoticeStatusBadge(props: { view: View; status: NoticeStatus }) {
  return (
    <span class={`badge notice-${props.status}`} data-notice-status={props.status}>
      {NOTICE_STATUSES[props.status][props.view.lang]}
    </span>
  );
}

/** The legal ground's label with a court decision's number and date. */
export function groundLabel(ground: LegalGroundChoice, view: View): string {
  const label = LEGAL_GROUNDS[ground.code][view.lang];
  const court = ground.courtDecision;
  return court ? `${label}: № ${court.number}, ${court.date}` : label;
}

/** A time, or a dash. */
export const timeOrNone = (view: View, iso: string | null) =>
  iso ? formatTime(iso) : view.t.common.none;

/** A notice's reference in letters and titles: the first block of its id. */
export const noticeRef = (id: string) => id.slice(0, 8);
