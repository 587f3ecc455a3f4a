/** @jsxImportSource hono/jsx */
import { ACCOUNT_STATUSES, type AccountStatus, ROLES } from '#shared/schemas/account';
import type { AdminUser } from '#shared/schemas/admin';
import type { DocumentMetadata } from '#shared/schemas/documents';
import { formatBytes, formatTime } from '../components/format';
import { Notice, PostForm } from '../components/forms';
import { Layout } from '../components/layout';
import { Pager } from '../components/pager';
import { type View, withQuery } from '../view';

type Props = {
  view: View;
  status: AccountStatus | undefined;
  page: { users: AdminUser[]; cursor: string | null; hasMore: boolean };
  done: boolean;
};

function StatusTabs(props: { view: View; status: AccountStatus | undefined }) {
  const { view } = props;
  const tabs: { value: AccountStatus | 'all'; label: string }[] = [
    ...ACCOUNT_STATUSES.map((value) => ({ value, label: view.t.accountStatuses[value] })),
    { value: 'all', label: view.t.users.all },
  ];
  return (
    <nav class="actions" aria-label={view.t.users.filter}>
      {tabs.map((tab) => (
        <a
          href={withQuery(view.url, { status: tab.value, cursor: undefined, done: undefined })}
          aria-current={(props.status ?? 'all') === tab.value ? 'page' : undefined}
        >
          {tab.label}
        </a>
      ))}
    </nav>
  );
}

function Documents(props: { view: View; documents: DocumentMetadata[]; back: string }) {
  const { view } = props;
  if (props.documents.length === 0) return <>{view.t.common.none}</>;
  return (
    <ul class="plain">
      {props.documents.map((doc) => (
        <li>
          <a href={`/admin/documents/${doc.id}/file`} download>
            {doc.originalName}
          </a>{' '}
          <span class="meta">
            ({view.t.documentKinds[doc.kind]}, {view.t.documentStatuses[doc.status]}, {doc.mime},{' '}
            {formatBytes(doc.bytes)})
          </span>
          {doc.kind === 'representation' && doc.status === 'pending' && (
            <span class="actions">
              <PostForm view={view} action={`/admin/documents/${doc.id}/approve`} class="inline">
                <input type="hidden" name="back" value={props.back} />
                <button type="submit" class="secondary">
                  {view.t.users.approve}
                </button>
              </PostForm>
              <PostForm view={view} action={`/admin/documents/${doc.id}/reject`} class="inline">
                <input type="hidden" name="back" value={props.back} />
                <button type="submit" class="secondary">
                  {view.t.users.reject}
                </button>
              </PostForm>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function Actions(props: { view: View; user: AdminUser; back: string }) {
  const { view, user } = props;
  const { t } = view;
  if (user.status === 'closed') return <>{t.common.none}</>;
  const self = user.id === view.viewer?.id;
  return (
    <div class="actions">
      {user.status !== 'active' && (
        <PostForm view={view} action={`/admin/users/${user.id}/approve`} class="inline">
          <input type="hidden" name="back" value={props.back} />
          <button type="submit">{t.users.approve}</button>
        </PostForm>
      )}
      {user.status !== 'blocked' && !self && (
        <PostForm view={view} action={`/admin/users/${user.id}/block`} class="inline">
          <input type="hidden" name="back" value={props.back} />
          <button type="submit" class="danger">
            {t.users.block}
          </button>
        </PostForm>
      )}
      {!self && (
        <PostForm view={view} action={`/admin/users/${user.id}/role`} class="inline">
          <input type="hidden" name="back" value={props.back} />
          <label class="visually-hidden" for={`role-${user.id}`}>
            {t.users.role}
          </label>
          <select id={`role-${user.id}`} name="role">
            {ROLES.map((role) => (
              <option value={role} selected={role === user.role}>
                {t.roles[role]}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="secondary">
            {t.users.changeRole}
          </button>
        </PostForm>
      )}
    </div>
  );
}

/** Accounts for admins: pending registrations first, with their documents and the decisions. */
export function UsersPage(props: Props) {
  const { view, page } = props;
  const { t } = view;
  const back = withQuery(view.url, { done: undefined });
  return (
    <Layout view={view} title={t.users.title}>
      {props.done && <Notice kind="success">{t.users.done}</Notice>}
      <StatusTabs view={view} status={props.status} />
      {page.users.length === 0 ? (
        <p>{t.users.empty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.users.name}</th>
                <th scope="col">{t.users.organization}</th>
                <th scope="col">{t.users.contact}</th>
                <th scope="col">{t.users.registered}</th>
                <th scope="col">{t.users.status}</th>
                <th scope="col">{t.users.documents}</th>
                <th scope="col">{t.users.actions}</th>
              </tr>
            </thead>
            <tbody>
              {page.users.map((user) => (
                <tr data-user={user.id}>
                  <td>
                    {user.fullName}
                    <br />
                    <span class="meta">{t.roles[user.role]}</span>
                  </td>
                  <td>
                    {user.organization}
                    <br />
                    <span class="meta">{user.position}</span>
                  </td>
                  <td>
                    {user.email}
                    {user.phone && (
                      <>
                        <br />
                        {user.phone}
                      </>
                    )}
                  </td>
                  <td>{formatTime(user.createdAt)}</td>
                  <td>
                    <span class="badge">{t.accountStatuses[user.status]}</span>
                  </td>
                  <td>
                    <Documents view={view} documents={user.documents} back={back} />
                  </td>
                  <td>
                    <Actions view={view} user={user} back={back} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager view={view} cursor={page.cursor} hasMore={page.hasMore} />
    </Layout>
  );
}
