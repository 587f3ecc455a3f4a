/** @jsxImportSource hono/jsx */
import { RECIPIENT_TYPES, type RecipientView } from '#shared/schemas/notices';
import type { Topic } from '#shared/taxonomy';
import { type FieldErrors, Notice, PostForm, Select, TextArea } from '../components/forms';
import { Layout } from '../components/layout';
import { type LegalGroundDraft, LegalGroundFields } from '../review/legal-ground-fields';
import type { View } from '../view';

/** A material chosen for the new notice. */
export type ChosenMaterial = { id: string; url: string; title: string; topics: Topic[] };

export type NoticeDraft = LegalGroundDraft & { recipientId?: string; explanation?: string };

/** The form that drafts a notice of the chosen materials. */
export function NoticeFormPage(props: {
  view: View;
  recipients: RecipientView[];
  materials: ChosenMaterial[];
  draft?: NoticeDraft;
  errors?: FieldErrors;
}) {
  const { view, materials, recipients } = props;
  const t = view.t.notices;
  const topics = [...new Set(materials.flatMap((m) => m.topics))];
  return (
    <Layout view={view} title={t.newTitle}>
      {recipients.length === 0 && (
        <Notice kind="info">
          {t.noRecipients} <a href="/review/recipients">{t.recipients.add}</a>
        </Notice>
      )}
      <h2>{t.chosenMaterials}</h2>
      {materials.length === 0 ? (
        <p>{t.noMaterials}</p>
      ) : (
        <ul class="chosen">
          {materials.map((m) => (
            <li data-material={m.id}>
              {m.title || m.url} <span class="url meta">{m.url}</span>
            </li>
          ))}
        </ul>
      )}
      {materials.length > 0 && recipients.length > 0 && (
        <PostForm view={view} action="/review/notices">
          {materials.map((m) => (
            <input type="hidden" name="materialId" value={m.id} />
          ))}
          <Select
            name="recipientId"
            label={t.chooseRecipient}
            value={props.draft?.recipientId}
            options={recipients.map((r) => ({
              value: r.id,
              label: `${r.name} (${RECIPIENT_TYPES[r.type][view.lang]}, ${t.hours(r.deadlineHours)})`,
            }))}
            errors={props.errors}
            required
          />
          <LegalGroundFields
            view={view}
            topics={topics}
            draft={props.draft}
            errors={props.errors}
            required={{ hint: t.legalGroundHint }}
          />
          <TextArea
            name="explanation"
            label={t.explanation}
            hint={t.explanationHint}
            value={props.draft?.explanation}
            maxlength={4000}
            rows={6}
            errors={props.errors}
            required
          />
          <button type="submit">{t.draft}</button>
        </PostForm>
      )}
    </Layout>
  );
}
