/** @jsxImportSource hono/jsx */
import type { UserRow } from '../../storage/accounts-store';
import { formatTime } from '../components/format';
import { Checkbox, Notice, PostForm } from '../components/forms';
import { Layout } from '../components/layout';
import type { View } from '../view';

function Profile(props: { view: View; user: UserRow }) {
  const { view, user } = props;
  const { t } = view;
  return (
    <dl class="facts">
      <dt>{t.field.fullName}</dt>
      <dd>{user.fullName}</dd>
      <dt>{t.field.email}</dt>
      <dd>{user.email}</dd>
      <dt>{t.field.organization}</dt>
      <dd>{user.organization}</dd>
      <dt>{t.field.position}</dt>
      <dd>{user.position}</dd>
      <dt>{t.field.phone}</dt>
      <dd>{user.phone ?? t.common.none}</dd>
      <dt>{t.users.role}</dt>
      <dd>{t.roles[user.role]}</dd>
      <dt>{t.users.registered}</dt>
      <dd>{formatTime(user.createdAt)}</dd>
    </dl>
  );
}

/** The data subject's page: their profile, the download of all their data, and erasure. */
export function MePage(props: { view: View; user: UserRow }) {
  const { view } = props;
  const { t } = view;
  return (
    <Layout view={view} title={t.me.title}>
      <p class="lead">{t.me.intro}</p>
      <h2>{t.me.profile}</h2>
      <Profile view={view} user={props.user} />
      <p>
        <a class="button" href="/me/data.json" download>
          {t.me.download}
        </a>
      </p>
      <p>
        <a href="/consent">{t.consent.manage}</a>
      </p>
      <h2>{t.me.erasureTitle}</h2>
      <p>{t.me.erasureText}</p>
      <p>
        <a href="/me/erase">{t.me.erasureStart}</a>
      </p>
    </Layout>
  );
}

/** The confirmation step of an erasure request. */
export function EraseConfirmPage(props: { view: View; error?: string }) {
  const { view } = props;
  const { t } = view;
  return (
    <Layout view={view} title={t.me.confirmTitle}>
      <Notice kind="error">{t.me.confirmText}</Notice>
      <p>{t.me.erasureText}</p>
      <PostForm view={view} action="/me/erase">
        <Checkbox
          name="confirm"
          label={t.me.confirmLabel}
          errors={props.error ? { confirm: props.error } : undefined}
          required
        />
        <div class="actions">
          <button type="submit" class="danger">
            {t.me.confirm}
          </button>
          <a href="/me">{t.common.cancel}</a>
        </div>
      </PostForm>
    </Layout>
  );
}

/** After an erasure request: the account is closed and the visitor signed out. */
export function ErasedPage(props: { view: View; destroyedAfter: string }) {
  const { view } = props;
  return (
    <Layout view={view} title={view.t.me.erasedTitle}>
      <Notice kind="success">{view.t.me.erasedText}</Notice>
      <p class="meta">
        {view.t.me.destroyedAfter} {formatTime(props.destroyedAfter)}
      </p>
    </Layout>
  );
}
