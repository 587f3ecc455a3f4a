/** @jsxImportSource hono/jsx */
import type { ConsentRow, PolicyRow } from '../../storage/consent-store';
import { Checkbox, type FieldErrors, Notice, PostForm } from '../components/forms';
import { Layout } from '../components/layout';
import { PolicyText, policyText } from '../public/policy-page';
import type { View } from '../view';

/** Where the user stands: their latest consent record, against the current version. */
function Standing(props: { view: View; policy: PolicyRow; latest: ConsentRow | undefined }) {
  const { view, policy, latest } = props;
  const { t } = view;
  if (latest?.action === 'withdrawn') return <Notice kind="info">{t.consent.withdrawn}</Notice>;
  if (latest?.policyVersion !== policy.version) {
    return <Notice kind="info">{t.consent.needed(policy.version)}</Notice>;
  }
  return (
    <Notice kind="success">
      {t.consent.current(policy.version)}{' '}
      {latest.thirdPartyTransfer ? t.consent.thirdPartyAllowed : t.consent.thirdPartyRefused}
    </Notice>
  );
}

/**
 * The current policy in the page's language with the form to accept it (and to choose whether
 * the user's identity may go to third parties), and the withdrawal of a standing consent.
 */
export function ConsentPage(props: {
  view: View;
  policy: PolicyRow;
  latest: ConsentRow | undefined;
  /** Where to go once the policy is accepted. */
  next: string;
  /** A change the user tried was refused for want of consent. */
  notSaved?: boolean;
  error?: string;
  errors?: FieldErrors;
}) {
  const { view, policy, latest } = props;
  const { t } = view;
  const accepted = latest?.action === 'given' && latest.policyVersion === policy.version;
  return (
    <Layout view={view} title={t.consent.title} consentReminder={false}>
      {props.notSaved && <Notice kind="error">{t.consent.notSaved}</Notice>}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <Standing view={view} policy={policy} latest={latest} />
      <section class="policy" aria-labelledby="policy-title">
        <h2 id="policy-title">{t.register.policyTitle(policy.version)}</h2>
        <PolicyText text={policyText(policy, view.lang)} />
      </section>
      <PostForm view={view} action="/consent" id="accept">
        <input type="hidden" name="policyVersion" value={policy.version} />
        <input type="hidden" name="next" value={props.next} />
        <Checkbox
          name="acceptPolicy"
          label={t.register.acceptPolicy}
          checked={accepted}
          errors={props.errors}
          required
        />
        <Checkbox
          name="thirdPartyTransfer"
          label={t.register.thirdPartyTransfer}
          checked={latest?.action === 'given' && latest.thirdPartyTransfer}
        />
        <button type="submit">{accepted ? t.consent.update : t.consent.accept}</button>
      </PostForm>
      {latest?.action === 'given' && (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t.consent.withdrawTitle}</h2>
          <p>{t.consent.withdrawText}</p>
          <PostForm view={view} action="/consent/withdraw" id="withdraw">
            <Checkbox
              name="confirm"
              label={t.consent.withdrawLabel}
              errors={props.errors}
              required
            />
            <button type="submit" class="danger">
              {t.consent.withdraw}
            </button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}

/** After a withdrawal: the consent is withdrawn and the visitor signed out everywhere. */
export function WithdrawnPage(props: { view: View }) {
  const { view } = props;
  return (
    <Layout view={view} title={view.t.consent.withdrawnTitle}>
      <Notice kind="success">{view.t.consent.withdrawnText}</Notice>
      <p>
        <a href="/">{view.t.nav.home}</a>
      </p>
    </Layout>
  );
}
