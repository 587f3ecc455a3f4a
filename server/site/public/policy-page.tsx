/** @jsxImportSource hono/jsx */
import type { UiLocale } from '#shared/labels';
import type { PolicyRow } from '../../storage/consent-store';
import { formatTime } from '../components/format';
import { Layout } from '../components/layout';
import type { View } from '../view';

/** A policy version's text in a language. */
export function policyText(policy: PolicyRow, lang: UiLocale): string {
  return { ru: policy.textRu, kk: policy.textKk, en: policy.textEn }[lang];
}

/** A policy text as paragraphs (the texts are plain text with blank lines between paragraphs). */
export function PolicyText(props: { text: string; id?: string }) {
  return (
    <div class="policy-text" id={props.id}>
      {props.text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph) => (
          <p>{paragraph}</p>
        ))}
    </div>
  );
}

/** The list of every published version, the shown one marked. */
export function PolicyVersions(props: {
  view: View;
  versions: PolicyRow[];
  shown: string;
  current: string;
  hrefOf: (version: string) => string;
}) {
  const { t } = props.view;
  return (
    <table>
      <caption>{t.policy.versions}</caption>
      <thead>
        <tr>
          <th scope="col">{t.policies.version}</th>
          <th scope="col">{t.policy.publishedAt}</th>
          <th scope="col">{t.policy.sha256}</th>
        </tr>
      </thead>
      <tbody>
        {props.versions.map((row) => (
          <tr>
            <td>
              <a
                href={props.hrefOf(row.version)}
                aria-current={row.version === props.shown ? 'page' : undefined}
              >
                {row.version}
              </a>
              {row.version === props.current && <span class="badge"> {t.policy.current}</span>}
            </td>
            <td>{formatTime(row.publishedAt)}</td>
            <td>
              <code class="hash">{row.sha256}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The public policy page: one version's text (the current one by default) and the list of all. */
export function PolicyPage(props: {
  view: View;
  policy: PolicyRow;
  current: string;
  versions: PolicyRow[];
}) {
  const { view, policy } = props;
  const { t } = view;
  return (
    <Layout view={view} title={t.policy.title}>
      <p class="meta">
        {t.policy.version(policy.version)}
        {policy.version === props.current && ` (${t.policy.current})`} · {t.policy.publishedAt}{' '}
        {formatTime(policy.publishedAt)}
      </p>
      <PolicyText text={policyText(policy, view.lang)} />
      <PolicyVersions
        view={view}
        versions={props.versions}
        shown={policy.version}
        current={props.current}
        hrefOf={(version) => `/policy/${encodeURIComponent(version)}`}
      />
    </Layout>
  );
}
