/** @jsxImportSource hono/jsx */
import type { NoticeSummary } from '#shared/schemas/notices';
import { Notice } from '../components/forms';
import { Layout } from '../components/layout';
import type { View } from '../view';
import { groundLabel, NoticeStatusBadge, timeOrNone } from './notice-parts';

/** The overdue notices' count, linking to them: shown on the notices page and the queue. */
export function OverdueBanner(props: { view: View; count: number }) {
  const t = props.view.t.notices;
  if (props.count === 0) return null;
  return (
    <Notice kind="error">
      {t.overdueBanner(props.count)} <a href="/review/notices?status=overdue">{t.showOverdue}</a>
    </Notice>
  );
}

/** A table of notices; overdue rows are highlighted (the list puts them first). */
export function NoticesTable(props: { view: View; notices: NoticeSummary[] }) {
  const { view } = props;
  const t = view.t.notices;
  return (
    <div class="table-wrap">
      <table class="notices">
        <thead>
          <tr>
            <th scope="col">{t.recipient}</th>
            <th scope="col">{t.legalGround}</th>
            <th scope="col">{t.status}</th>
            <th scope="col" class="num">
              {t.materials}
            </th>
            <th scope="col">{t.sentAt}</th>
            <th scope="col">{t.deadline}</th>
          </tr>
        </thead>
        <tbody>
          {props.notices.map((n) => (
            <tr data-notice={n.id} class={n.overdue ? 'overdue' : undefined}>
              <td>
                <a href={`/review/notices/${n.id}`}>{n.recipient.name}</a>
              </td>
              <td>{groundLabel(n.legalGround, view)}</td>
              <td>
                <NoticeStatusBadge view={view} status={n.status} />
              </td>
              <td class="num">{n.materialCount}</td>
              <td>{timeOrNone(view, n.sentAt)}</td>
              <td>{timeOrNone(view, n.deadlineAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every notice, overdue ones first and escalated. */
export function NoticesPage(props: { view: View; notices: NoticeSummary[]; overdue: number }) {
  const { view } = props;
  const t = view.t.notices;
  return (
    <Layout view={view} title={t.title}>
      <p class="lead">{t.intro}</p>
      <p>
        <a href="/review/notices/new">{t.create}</a> ·{' '}
        <a href="/review/recipients">{t.recipientsLink}</a>
      </p>
      <OverdueBanner view={view} count={props.overdue} />
      {props.notices.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <NoticesTable view={view} notices={props.notices} />
      )}
    </Layout>
  );
}
