/** @jsxImportSource hono/jsx */
import { RECIPIENT_TYPE_CODES, RECIPIENT_TYPES, type RecipientView } from '#shared/schemas/notices';
import { Field, type FieldErrors, Notice, PostForm, Select } from '../components/forms';
import { Layout } from '../components/layout';
import type { View } from '../view';

export type RecipientDraft = Partial<Record<'name' | 'type' | 'contact' | 'deadlineHours', string>>;

/** The fields of a recipient, to add one or change it. */
export function RecipientForm(props: {
  view: View;
  action: string;
  draft?: RecipientDraft;
  errors?: FieldErrors;
  submit: string;
}) {
  const { view, draft, errors } = props;
  const t = view.t.notices.recipients;
  return (
    <PostForm view={view} action={props.action} class="recipient-form">
      <Field
        name="name"
        label={t.name}
        value={draft?.name}
        maxlength={200}
        errors={errors}
        required
      />
      <Select
        name="type"
        label={t.type}
        value={draft?.type}
        options={RECIPIENT_TYPE_CODES.map((c) => ({
          value: c,
          label: RECIPIENT_TYPES[c][view.lang],
        }))}
        errors={errors}
      />
      <Field
        name="contact"
        label={t.contact}
        hint={t.contactHint}
        value={draft?.contact}
        maxlength={500}
        errors={errors}
        required
      />
      <Field
        name="deadlineHours"
        type="number"
        label={t.deadlineHours}
        hint={t.deadlineHint}
        value={draft?.deadlineHours ?? '24'}
        errors={errors}
        required
      />
      <button type="submit">{props.submit}</button>
    </PostForm>
  );
}

/** Every recipient, with the form to add one. */
export function RecipientsPage(props: {
  view: View;
  recipients: RecipientView[];
  saved?: boolean;
  draft?: RecipientDraft;
  errors?: FieldErrors;
}) {
  const { view } = props;
  const t = view.t.notices.recipients;
  return (
    <Layout view={view} title={t.title}>
      <p class="lead">{t.intro}</p>
      {props.saved && <Notice kind="success">{t.saved}</Notice>}
      {props.recipients.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.type}</th>
                <th scope="col">{t.contact}</th>
                <th scope="col" class="num">
                  {t.deadlineHours}
                </th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {props.recipients.map((r) => (
                <tr data-recipient={r.id}>
                  <td>{r.name}</td>
                  <td>{RECIPIENT_TYPES[r.type][view.lang]}</td>
                  <td>{r.contact}</td>
                  <td class="num">{r.deadlineHours}</td>
                  <td>
                    <a href={`/review/recipients/${r.id}`}>{t.edit}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t.add}</h2>
      <RecipientForm
        view={view}
        action="/review/recipients"
        draft={props.draft}
        errors={props.errors}
        submit={t.add}
      />
    </Layout>
  );
}

/** One recipient's form, to change it. */
export function RecipientEditPage(props: {
  view: View;
  id: string;
  draft: RecipientDraft;
  errors?: FieldErrors;
}) {
  const t = props.view.t.notices.recipients;
  return (
    <Layout view={props.view} title={t.editTitle}>
      <RecipientForm
        view={props.view}
        action={`/review/recipients/${props.id}`}
        draft={props.draft}
        errors={props.errors}
        submit={t.save}
      />
    </Layout>
  );
}
