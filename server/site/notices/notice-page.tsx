/** @jsxImportSource hono/jsx */
import {
  NOTICE_RESPONSE_STATUSES,
  NOTICE_STATUSES,
  type NoticeView,
  RECIPIENT_TYPES,
} from '#shared/schemas/notices';
import { Field, type FieldErrors, Notice, PostForm, Select, TextArea } from '../components/forms';
import { Layout } from '../components/layout';
import type { View } from '../view';
import { label } from '../vocabulary';
import { groundLabel, NoticeStatusBadge, noticeRef, timeOrNone } from './notice-parts';

export type ResponseDraft = { receivedOn?: string; text?: string; resultingStatus?: string };

function Materials(props: { view: View; notice: NoticeView }) {
  const { view } = props;
  const t = view.t.notices;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{view.t.review.material}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.evidence}</th>
          </tr>
        </thead>
        <tbody>
          {props.notice.materials.map((m) => (
            <tr data-material={m.id}>
              <td>
                <a href={`/review/materials/${m.id}`}>{m.title || m.url}</a>
                <br />
                <span class="url meta">{m.url}</span>
              </td>
              <td>{label('status', m.status, view.lang)}</td>
              <td class="hash">
                {m.evidenceSha256.length === 0
                  ? t.noEvidence
                  : m.evidenceSha256.map((h) => <code>{h} </code>)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ResponseForm(props: {
  view: View;
  notice: NoticeView;
  draft?: ResponseDraft;
  errors?: FieldErrors;
}) {
  const { view, draft } = props;
  const t = view.t.notices;
  return (
    <PostForm view={view} action={`/review/notices/${props.notice.id}/responses`}>
      <Field
        name="receivedOn"
        type="date"
        label={t.receivedOn}
        value={draft?.receivedOn}
        errors={props.errors}
        required
      />
      <TextArea
        name="text"
        label={t.responseText}
        value={draft?.text}
        maxlength={4000}
        errors={props.errors}
        required
      />
      <Select
        name="resultingStatus"
        label={t.resultingStatus}
        value={draft?.resultingStatus}
        options={NOTICE_RESPONSE_STATUSES.map((s) => ({
          value: s,
          label: NOTICE_STATUSES[s][view.lang],
        }))}
        errors={props.errors}
      />
      <button type="submit">{t.recordResponse}</button>
    </PostForm>
  );
}

/** A notice: recipient, ground, deadline, materials, responses, the letter and the statement. */
export function NoticePage(props: {
  view: View;
  notice: NoticeView;
  message?: { kind: 'error' | 'success'; text: string };
  draft?: ResponseDraft;
  errors?: FieldErrors;
}) {
  const { view, notice } = props;
  const t = view.t.notices;
  return (
    <Layout view={view} title={view.t.notices.letter.title(noticeRef(notice.id))}>
      {props.message && <Notice kind={props.message.kind}>{props.message.text}</Notice>}
      {notice.overdue && notice.deadlineAt && (
        <Notice kind="error">{t.overdueSince(timeOrNone(view, notice.deadlineAt))}</Notice>
      )}
      <dl class="facts">
        <dt>{t.status}</dt>
        <dd>
          <NoticeStatusBadge view={view} status={notice.status} />
        </dd>
        <dt>{t.recipient}</dt>
        <dd>
          {notice.recipient.name} ({RECIPIENT_TYPES[notice.recipient.type][view.lang]}),{' '}
          {notice.recipient.contact}
        </dd>
        <dt>{t.legalGround}</dt>
        <dd>{groundLabel(notice.legalGround, view)}</dd>
        <dt>{t.explanation}</dt>
        <dd class="prewrap">{notice.explanation}</dd>
        <dt>{t.territorialScope}</dt>
        <dd>{t.scopeKz}</dd>
        <dt>{t.createdAt}</dt>
        <dd>{timeOrNone(view, notice.createdAt)}</dd>
        <dt>{t.sentAt}</dt>
        <dd>{timeOrNone(view, notice.sentAt)}</dd>
        <dt>{t.deadline}</dt>
        <dd>{timeOrNone(view, notice.deadlineAt)}</dd>
      </dl>
      <p>
        <a href={`/review/notices/${notice.id}/letter?lang=ru`}>{t.letterRu}</a> ·{' '}
        <a href={`/review/notices/${notice.id}/letter?lang=kk`}>{t.letterKk}</a> ·{' '}
        <a href={`/review/notices/${notice.id}/statement.json`} download>
          {t.statement}
        </a>
      </p>
      {notice.status === 'draft' && (
        <PostForm view={view} action={`/review/notices/${notice.id}/send`}>
          <p class="hint">{t.sendHint(notice.recipient.deadlineHours)}</p>
          <button type="submit">{t.send}</button>
        </PostForm>
      )}
      <h2>{t.materials}</h2>
      <Materials view={view} notice={notice} />
      <h2 id="responses">{t.responses}</h2>
      {notice.responses.length === 0 ? (
        <p>{t.noResponses}</p>
      ) : (
        <ul class="responses">
          {notice.responses.map((r) => (
            <li>
              <strong>{r.receivedOn}</strong> — {NOTICE_STATUSES[r.resultingStatus][view.lang]}
              <p class="prewrap">{r.text}</p>
            </li>
          ))}
        </ul>
      )}
      {notice.status !== 'draft' && (
        <ResponseForm view={view} notice={notice} draft={props.draft} errors={props.errors} />
      )}
    </Layout>
  );
}
