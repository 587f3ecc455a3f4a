/** @jsxImportSource hono/jsx */
import { MIN_PASSWORD_LENGTH } from '#shared/schemas/account';
import { DOCUMENT_MIME_TYPES } from '#shared/schemas/documents';
import type { PolicyRow } from '../../storage/consent-store';
import { Checkbox, Field, type FieldErrors, Notice, PostForm } from '../components/forms';
import { Layout } from '../components/layout';
import type { View } from '../view';
import { PolicyText, policyText } from './policy-page';

/** What the visitor typed, kept when the form comes back with errors (never the password). */
export type RegistrationValues = Partial<
  Record<'fullName' | 'email' | 'organization' | 'position' | 'phone', string>
> & { acceptPolicy?: boolean; thirdPartyTransfer?: boolean };

/** The registration form: account fields, documents, and the current policy to accept. */
export function RegisterPage(props: {
  view: View;
  policy: PolicyRow;
  values?: RegistrationValues;
  errors?: FieldErrors;
}) {
  const { view, policy } = props;
  const { t } = view;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const text = (
    name: 'fullName' | 'email' | 'organization' | 'position',
    extra: Partial<Parameters<typeof Field>[0]> = {},
  ) => (
    <Field
      name={name}
      label={t.field[name]}
      value={values[name]}
      errors={errors}
      required
      {...extra}
    />
  );
  return (
    <Layout view={view} title={t.register.title}>
      <p class="lead">{t.register.intro}</p>
      {Object.keys(errors).length > 0 && (
        <Notice kind="error">{errors.form ?? t.errors.formHasErrors}</Notice>
      )}
      <PostForm view={view} action="/register" multipart>
        <input type="hidden" name="policyVersion" value={policy.version} />
        {text('fullName', { autocomplete: 'name', maxlength: 200 })}
        {text('email', { type: 'email', autocomplete: 'email', maxlength: 254 })}
        <Field
          name="password"
          type="password"
          label={t.field.password}
          hint={t.field.passwordHint}
          autocomplete="new-password"
          minlength={MIN_PASSWORD_LENGTH}
          maxlength={200}
          errors={errors}
          required
        />
        {text('organization', { autocomplete: 'organization', maxlength: 300 })}
        {text('position', { autocomplete: 'organization-title', maxlength: 200 })}
        <Field
          name="phone"
          type="tel"
          label={`${t.field.phone} ${t.common.optional}`}
          value={values.phone}
          autocomplete="tel"
          maxlength={40}
          errors={errors}
        />
        <Field
          name="documents"
          type="file"
          label={t.field.documents}
          hint={t.field.documentsHint}
          multiple
          accept={DOCUMENT_MIME_TYPES.join(',')}
          errors={errors}
          required
        />
        <section class="policy" aria-labelledby="policy-title">
          <h2 id="policy-title">{t.register.policyTitle(policy.version)}</h2>
          <PolicyText text={policyText(policy, view.lang)} />
        </section>
        <Checkbox
          name="acceptPolicy"
          label={t.register.acceptPolicy}
          checked={values.acceptPolicy}
          errors={errors}
          required
        />
        <Checkbox
          name="thirdPartyTransfer"
          label={t.register.thirdPartyTransfer}
          checked={values.thirdPartyTransfer}
        />
        <button type="submit">{t.register.submit}</button>
      </PostForm>
    </Layout>
  );
}

/** The page after a registration was received. */
export function RegisteredPage(props: { view: View }) {
  const { view } = props;
  return (
    <Layout view={view} title={view.t.register.doneTitle}>
      <Notice kind="success">{view.t.register.doneText}</Notice>
      <p>
        <a href="/">{view.t.nav.home}</a>
      </p>
    </Layout>
  );
}
