/** @jsxImportSource hono/jsx */

import { formatTime } from '../components/format';
import { Notice, PostForm } from '../components/forms';
import { Layout } from '../components/layout';
import type { View } from '../view';
import type { ErasureRequest } from './subject-requests-query';

const DAY_MS = 86_400_000;

/** Data-subject requests for admins: erasure requests, their retention, and a manual run. */
export function SubjectRequestsPage(props: {
  view: View;
  requests: ErasureRequest[];
  retentionDays: number;
  ran?: number;
}) {
  const { view, retentionDays } = props;
  const { t } = view;
  const s = t.subjectRequests;
  const due = (requestedAt: string) =>
    formatTime(new Date(Date.parse(requestedAt) + retentionDays * DAY_MS).toISOString());
  return (
    <Layout view={view} title={s.title}>
      <p class="lead">{s.intro}</p>
      {props.ran !== undefined && <Notice kind="success">{s.ran(props.ran)}</Notice>}
      {props.requests.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{s.user}</th>
                <th scope="col">{s.requestedAt}</th>
                <th scope="col">{s.destroyedAt}</th>
              </tr>
            </thead>
            <tbody>
              {props.requests.map((request) => (
                <tr>
                  <td class="hash">{request.userId}</td>
                  <td>{request.requestedAt ? formatTime(request.requestedAt) : t.common.none}</td>
                  <td>
                    {request.destroyedAt
                      ? formatTime(request.destroyedAt)
                      : request.requestedAt
                        ? s.dueAfter(due(request.requestedAt))
                        : t.common.none}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{s.runTitle}</h2>
      <p class="hint">{s.runHint(retentionDays)}</p>
      <PostForm view={view} action="/admin/subject-requests/retention">
        <button type="submit">{s.run}</button>
      </PostForm>
    </Layout>
  );
}
