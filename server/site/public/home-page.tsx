/** @jsxImportSource hono/jsx */
import { Layout } from '../components/layout';
import type { View } from '../view';

/** The home page: what the system is for, and where to go next for the visitor's role. */
export function HomePage(props: { view: View }) {
  const { view } = props;
  const { t, viewer } = view;
  if (!viewer) {
    return (
      <Layout view={view} title={t.home.title}>
        <p class="lead">{t.home.intro}</p>
        <h2>{t.home.howTitle}</h2>
        <ol>
          <li>
            <a href="/register">{t.home.step1}</a>
          </li>
          <li>{t.home.step2}</li>
          <li>{t.home.step3}</li>
        </ol>
        <p>
          <a class="button" href="/sign-in">
            {t.nav.signIn}
          </a>
        </p>
      </Layout>
    );
  }
  const hint = {
    analyst: t.home.analystHint,
    reviewer: t.home.reviewerHint,
    admin: t.home.adminHint,
  }[viewer.role];
  return (
    <Layout view={view} title={t.home.welcome(viewer.fullName)}>
      <p class="lead">{hint}</p>
      <ul class="tiles">
        {viewer.role !== 'analyst' && (
          <>
            <li>
              <a href="/review">{t.nav.materials}</a>
            </li>
            <li>
              <a href="/stats">{t.nav.stats}</a>
            </li>
          </>
        )}
        {viewer.role === 'admin' && (
          <>
            <li>
              <a href="/admin/users?status=pending">{t.nav.users}</a>
            </li>
            <li>
              <a href="/admin/audit">{t.nav.audit}</a>
            </li>
          </>
        )}
        <li>
          <a href="/me">{t.nav.myData}</a>
        </li>
      </ul>
    </Layout>
  );
}
