/** @jsxImportSource hono/jsx */
import type { BulkDecisionResponse } from '#shared/schemas/triage';
import { Notice } from '../components/forms';
import { Layout } from '../components/layout';
import type { View } from '../view';
import { label } from '../vocabulary';
import { StatusBadge } from './evidence-thumbs';
import { holderName } from './triage-texts';

/** What a bulk decision did to each selected material, or why it was not taken at all. */
export function BulkResultPage(props: {
  view: View;
  result?: BulkDecisionResponse;
  error?: string;
}) {
  const { view, result } = props;
  const { t } = view;
  const applied = result?.results.filter((r) => r.outcome === 'applied').length ?? 0;
  return (
    <Layout view={view} title={t.triage.resultTitle}>
      {props.error && <Notice kind="error">{props.error}</Notice>}
      {result && (
        <>
          <Notice kind={applied === result.results.length ? 'success' : 'error'}>
            {t.triage.resultIntro(applied, result.results.length)}
          </Notice>
          <div class="table-wrap">
            <table class="bulk-result">
              <thead>
                <tr>
                  <th scope="col">{t.review.material}</th>
                  <th scope="col">{t.triage.outcome}</th>
                  <th scope="col">{t.triage.statusNow}</th>
                </tr>
              </thead>
              <tbody>
                {result.results.map((r) => (
                  <tr data-material={r.id} data-outcome={r.outcome}>
                    <td>
                      {r.material ? (
                        <a href={`/review/materials/${r.id}`}>
                          {r.material.title || r.material.url}
                        </a>
                      ) : (
                        r.id
                      )}
                    </td>
                    <td class={`outcome ${r.outcome}`}>
                      {t.triage.outcomes[r.outcome]}
                      {r.outcome === 'claimed' && r.material?.claim && (
                        <span class="meta"> ({holderName(t, r.material.claim)})</span>
                      )}
                    </td>
                    <td>
                      {r.material && (
                        <StatusBadge
                          status={r.material.status}
                          label={label('status', r.material.status, view.lang)}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p>
        <a href="/review">{t.triage.backToQueue}</a>
      </p>
    </Layout>
  );
}
