/** @jsxImportSource hono/jsx */
import type { NoticeSummary } from '#shared/schemas/notices';
import type { View } from '../view';
import { NoticesTable } from './notices-page';

/** The notices a material is in, overdue ones first, and a link to draft a new one with it. */
export function MaterialNotices(props: {
  view: View;
  materialId: string;
  notices: NoticeSummary[];
}) {
  const { view } = props;
  const t = view.t.notices;
  return (
    <section id="notices">
      <h2>{t.ofMaterial}</h2>
      {props.notices.length === 0 ? (
        <p>{t.noneForMaterial}</p>
      ) : (
        <NoticesTable view={view} notices={props.notices} />
      )}
      <p>
        <a href={`/review/notices/new?material=${props.materialId}`}>{t.createFromMaterial}</a>
      </p>
    </section>
  );
}
