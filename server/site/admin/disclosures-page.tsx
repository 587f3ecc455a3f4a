/** @jsxImportSource hono/jsx */
import { type DisclosureRecord, RECIPIENT_TYPES } from '#shared/schemas/disclosures';
import { formatTime } from '../components/format';
import {
  Checkbox,
  Field,
  type FieldErrors,
  Notice,
  PostForm,
  Select,
  TextArea,
} from '../components/forms';
import { Layout } from '../components/layout';
import { Pager } from '../components/pager';
import type { View } from '../view';

/** What the admin typed, kept when the form comes back with errors. */
export type DisclosureDraft = Partial<
  Record<
    | 'recipient'
    | 'recipientType'
    | 'basis'
    | 'requestNumber'
    | 'requestDate'
    | 'materialIds'
    | 'userIds'
    | 'from'
    | 'to'
    | 'includeReporterIdentity',
    string
  >
>;

function DisclosureForm(props: { view: View; draft: DisclosureDraft; errors: FieldErrors }) {
  const { view, draft, errors } = props;
  const d = view.t.disclosures;
  return (
    <PostForm view={view} action="/admin/disclosures">
      <Field
        name="recipient"
        label={d.recipient}
        value={draft.recipient}
        errors={errors}
        maxlength={300}
        required
      />
      <Select
        name="recipientType"
        label={d.recipientType}
        value={draft.recipientType ?? 'state_body'}
        options={RECIPIENT_TYPES.map((type) => ({ value: type, label: d.recipientTypes[type] }))}
        errors={errors}
      />
      <TextArea
        name="basis"
        label={d.basis}
        value={draft.basis}
        errors={errors}
        maxlength={2000}
        required
      />
      <Field
        name="requestNumber"
        label={d.requestNumber}
        value={draft.requestNumber}
        errors={errors}
        maxlength={100}
        required
      />
      <Field
        name="requestDate"
        type="date"
        label={d.requestDate}
        value={draft.requestDate}
        errors={errors}
        required
      />
      <fieldset>
        <legend>{d.scope}</legend>
        <p class="hint">{d.scopeHint}</p>
        {errors.scope && <p class="error">{errors.scope}</p>}
        <TextArea
          name="materialIds"
          label={d.materialIds}
          value={draft.materialIds}
          errors={errors}
          rows={3}
        />
        <TextArea name="userIds" label={d.userIds} value={draft.userIds} errors={errors} rows={3} />
        <Field
          name="from"
          type="date"
          label={view.t.common.from}
          value={draft.from}
          errors={errors}
        />
        <Field name="to" type="date" label={view.t.common.to} value={draft.to} errors={errors} />
      </fieldset>
      <Checkbox
        name="includeReporterIdentity"
        label={d.includeIdentity}
        hint={d.includeIdentityHint}
        checked={draft.includeReporterIdentity === 'true'}
      />
      <button type="submit">{d.submit}</button>
    </PostForm>
  );
}

function DisclosureList(props: { view: View; records: DisclosureRecord[] }) {
  const { view } = props;
  const d = view.t.disclosures;
  if (props.records.length === 0) return <p>{d.empty}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{d.recordedAt}</th>
            <th scope="col">{d.recipient}</th>
            <th scope="col">{d.requestNumber}</th>
            <th scope="col">{d.basis}</th>
            <th scope="col">{d.counts}</th>
            <th scope="col">{d.recordedBy}</th>
            <th scope="col">{d.dataSha256}</th>
          </tr>
        </thead>
        <tbody>
          {props.records.map((record) => (
            <tr data-disclosure={record.id}>
              <td>{formatTime(record.createdAt)}</td>
              <td>
                {record.recipient}
                <br />
                <span class="meta">{d.recipientTypes[record.recipientType]}</span>
              </td>
              <td>
                {record.requestNumber}
                <br />
                <span class="meta">{record.requestDate}</span>
              </td>
              <td class="note">{record.basis}</td>
              <td>
                {d.countsValue(
                  record.counts.materials,
                  record.counts.reports,
                  record.counts.reporters,
                  record.counts.identifiedReporters,
                )}
              </td>
              <td class="hash">{record.createdBy}</td>
              <td class="hash">{record.dataSha256}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Disclosures for admins: the form that records one (and exports its data), and the list. */
export function DisclosuresPage(props: {
  view: View;
  page: { disclosures: DisclosureRecord[]; cursor: string | null; hasMore: boolean };
  draft?: DisclosureDraft;
  errors?: FieldErrors;
  /** The disclosure just recorded, shown with the link to its export. */
  recorded?: DisclosureRecord;
}) {
  const { view, recorded } = props;
  const d = view.t.disclosures;
  const errors = props.errors ?? {};
  return (
    <Layout view={view} title={d.title}>
      {recorded && (
        <section class="notice success" role="status" data-recorded={recorded.id}>
          <h2>{d.recordedTitle}</h2>
          <p>
            {d.countsValue(
              recorded.counts.materials,
              recorded.counts.reports,
              recorded.counts.reporters,
              recorded.counts.identifiedReporters,
            )}
          </p>
          <p>
            {d.dataSha256}: <span class="hash">{recorded.dataSha256}</span>
          </p>
          <p>
            <a href={`/admin/disclosures/${recorded.id}/export.json`} download>
              {d.download}
            </a>
          </p>
        </section>
      )}
      <p class="lead">{d.intro}</p>
      <h2>{d.newTitle}</h2>
      {Object.keys(errors).length > 0 && (
        <Notice kind="error">{view.t.errors.formHasErrors}</Notice>
      )}
      <DisclosureForm view={view} draft={props.draft ?? {}} errors={errors} />
      <h2>{d.title}</h2>
      <DisclosureList view={view} records={props.page.disclosures} />
      <Pager view={view} cursor={props.page.cursor} hasMore={props.page.hasMore} />
    </Layout>
  );
}
