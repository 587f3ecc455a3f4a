/** @jsxImportSource hono/jsx */
import type { ReviewStatus } from '#shared/review-status';
import type { RecheckView } from '#shared/schemas/rechecks';
import { formatTime } from '../components/format';
import { Notice, PostForm } from '../components/forms';
import type { View } from '../view';

/** A material's reachability re-checks: the flag for reviewers, the button, the history. */
export function RecheckSection(props: {
  view: View;
  materialId: string;
  status: ReviewStatus;
  checks: RecheckView[];
}) {
  const { view, checks } = props;
  const t = view.t.rechecks;
  const latest = checks[0];
  return (
    <section id="rechecks">
      <h2>{t.title}</h2>
      {props.status === 'blocked' && latest?.suggestion === 'restored' && (
        <Notice kind="error">{t.foundLive}</Notice>
      )}
      <PostForm view={view} action={`/review/materials/${props.materialId}/recheck`}>
        <button type="submit">{t.checkNow}</button>
      </PostForm>
      {checks.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{view.t.material.at}</th>
                <th scope="col">{t.outcome}</th>
                <th scope="col">{t.httpStatus}</th>
                <th scope="col">{t.changed}</th>
                <th scope="col">{t.finalUrl}</th>
                <th scope="col">{t.detail}</th>
                <th scope="col">{t.trigger}</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((check) => (
                <tr data-outcome={check.outcome}>
                  <td>{formatTime(check.at)}</td>
                  <td>{t.outcomes[check.outcome]}</td>
                  <td>{check.httpStatus ?? view.t.common.none}</td>
                  <td>
                    {check.contentChanged === undefined
                      ? view.t.common.none
                      : check.contentChanged
                        ? t.yes
                        : t.no}
                  </td>
                  <td class="url">{check.finalUrl ?? view.t.common.none}</td>
                  <td>
                    <code>{check.detail ?? ''}</code>
                  </td>
                  <td>{check.trigger === 'scheduled' ? t.scheduled : t.onDemand}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
