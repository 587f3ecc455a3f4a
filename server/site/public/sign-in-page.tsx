/** @jsxImportSource hono/jsx */
import { Field, type FieldErrors, Notice, PostForm } from '../components/forms';
import { Layout } from '../components/layout';
import type { View } from '../view';

/** The sign-in form; the e-mail typed is kept when the sign-in fails. */
export function SignInPage(props: {
  view: View;
  next: string;
  email?: string;
  errors?: FieldErrors;
  failure?: string;
}) {
  const { view } = props;
  const { t } = view;
  return (
    <Layout view={view} title={t.signIn.title}>
      {props.failure && <Notice kind="error">{props.failure}</Notice>}
      <PostForm view={view} action="/sign-in" class="narrow">
        <input type="hidden" name="next" value={props.next} />
        <Field
          name="email"
          type="email"
          label={t.field.email}
          value={props.email}
          autocomplete="username"
          errors={props.errors}
          required
        />
        <Field
          name="password"
          type="password"
          label={t.field.password}
          autocomplete="current-password"
          errors={props.errors}
          required
        />
        <button type="submit">{t.signIn.submit}</button>
      </PostForm>
      <p>
        <a href="/register">{t.nav.register}</a>
      </p>
    </Layout>
  );
}
