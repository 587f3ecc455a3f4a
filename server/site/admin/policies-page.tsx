/** @jsxImportSource hono/jsx */
import type { PolicyRow } from '../../storage/consent-store';
import { Field, type FieldErrors, Notice, PostForm, TextArea } from '../components/forms';
import { Layout } from '../components/layout';
import { PolicyVersions } from '../public/policy-page';
import type { View } from '../view';

/** What the admin typed, kept when the form comes back with errors. */
export type PolicyDraft = Partial<Record<'version' | 'textRu' | 'textKk' | 'textEn', string>>;

/** Policy versions for admins: the list, and the form that publishes a new current version. */
export function PoliciesPage(props: {
  view: View;
  versions: PolicyRow[];
  draft?: PolicyDraft;
  errors?: FieldErrors;
  published?: string;
}) {
  const { view } = props;
  const { t } = view;
  const draft = props.draft ?? {};
  const errors = props.errors ?? {};
  const current = props.versions[0]?.version ?? '';
  const text = (name: 'textRu' | 'textKk' | 'textEn', lang: string) => (
    <TextArea
      name={name}
      label={t.policies[name]}
      value={draft[name]}
      rows={10}
      errors={errors}
      required
      lang={lang}
    />
  );
  return (
    <Layout view={view} title={t.policies.title}>
      {props.published && (
        <Notice kind="success">
          {t.policies.published}: {props.published}
        </Notice>
      )}
      <PolicyVersions
        view={view}
        versions={props.versions}
        shown=""
        current={current}
        hrefOf={(version) => `/policy/${encodeURIComponent(version)}`}
      />
      <h2>{t.policies.publishTitle}</h2>
      <p class="hint">{t.policies.publishHint}</p>
      {Object.keys(errors).length > 0 && <Notice kind="error">{t.errors.formHasErrors}</Notice>}
      <PostForm view={view} action="/admin/policies">
        <Field
          name="version"
          label={t.policies.version}
          hint={t.policies.versionHint}
          value={draft.version}
          maxlength={50}
          errors={errors}
          required
        />
        {text('textRu', 'ru')}
        {text('textKk', 'kk')}
        {text('textEn', 'en')}
        <button type="submit">{t.policies.publish}</button>
      </PostForm>
    </Layout>
  );
}
