/** @jsxImportSource hono/jsx */

import type { NoticeSummary } from '#shared/schemas/notices';
import type { RecheckView } from '#shared/schemas/rechecks';
import type { MaterialRelations } from '#shared/schemas/relations';
import type { MaterialDetail, ReviewReport } from '#shared/schemas/review';
import { formatTime } from '../components/format';
import { type FieldErrors, Notice } from '../components/forms';
import { Layout } from '../components/layout';
import { MaterialNotices } from '../notices/material-notices';
import { REVIEW_KEYS_URL } from '../static-files';
import type { View } from '../view';
import { label } from '../vocabulary';
import { ClaimBox } from './claim-box';
import { type DecisionDraft, DecisionForm } from './decision-form';
import { CaptureFacts, CustodyTable, EvidenceSection } from './evidence-section';
import { evidenceHref, StatusBadge } from './evidence-thumbs';
import { legalGroundText } from './legal-ground-fields';
import { KeyboardHelp } from './queue-triage';
import { RecheckSection } from './recheck-section';
import { originalChoices, RelationNotices, RelationsSection } from './relations-section';
import type { Reviewer } from './triage-texts';

function Geography(props: { view: View; report: ReviewReport }) {
  const { view } = props;
  const geo = props.report.geography;
  if (!geo.indicated) return <>{view.t.material.notIndicated}</>;
  const parts = [
    geo.country,
    geo.region ? label('region', geo.region, view.lang) : undefined,
    geo.locality,
  ].filter(Boolean);
  return <>{parts.join(', ')}</>;
}

function Report(props: { view: View; report: ReviewReport; index: number }) {
  const { view, report } = props;
  const { t, lang } = view;
  const list = (name: 'topic' | 'language', codes: string[]) =>
    codes.map((code) => label(name, code, lang)).join(', ');
  return (
    <article class="report" data-report={report.id}>
      <h3>{report.title || report.url}</h3>
      <dl class="facts">
        <dt>{t.material.url}</dt>
        <dd class="url">{report.url}</dd>
        <dt>{t.material.reporter}</dt>
        <dd>
          <Reporter reporter={report.reporter} />
        </dd>
        <dt>{t.material.capturedAt}</dt>
        <dd>{formatTime(report.capturedAt)}</dd>
        <dt>{t.material.resourceType}</dt>
        <dd>{label('resourceType', report.resourceType, lang)}</dd>
        <dt>{t.review.topics}</dt>
        <dd>{list('topic', report.topics)}</dd>
        <dt>{t.review.languages}</dt>
        <dd>{list('language', report.languages)}</dd>
        <dt>{t.material.geography}</dt>
        <dd>
          <Geography view={view} report={report} />
        </dd>
        <dt>{t.material.openness}</dt>
        <dd>{label('openness', report.openness, lang)}</dd>
        <dt>{t.material.availability}</dt>
        <dd>{label('availability', report.availability, lang)}</dd>
        <dt>{t.material.note}</dt>
        <dd class="note">{report.note || t.common.none}</dd>
        {report.evidence && (
          <>
            <dt>{t.review.evidence}</dt>
            <dd>
              <a href={evidenceHref(report.evidence.sha256)}>
                {t.review.evidenceAlt(props.index + 1)}
              </a>
            </dd>
          </>
        )}
        {report.capture && <CaptureFacts view={view} capture={report.capture} />}
      </dl>
    </article>
  );
}

/** One line of the material's timeline: a decision, or a report withdrawn by its reporter. */
type TimelineEntry =
  | { kind: 'decision'; at: string; change: MaterialDetail['history'][number] }
  | { kind: 'withdrawal'; at: string; report: MaterialDetail['withdrawnReports'][number] };

/** Decisions and withdrawals in the order they happened. */
function timelineOf(detail: MaterialDetail): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...detail.history.map((change) => ({ kind: 'decision' as const, at: change.at, change })),
    ...detail.withdrawnReports.map((report) => ({
      kind: 'withdrawal' as const,
      at: report.withdrawnAt,
      report,
    })),
  ];
  // Stable: entries of the same moment keep decisions before withdrawals.
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function Reporter(props: { reporter: ReviewReport['reporter'] }) {
  return (
    <>
      <code>{props.reporter.id}</code>
      {props.reporter.organization && ` · ${props.reporter.organization}`}
    </>
  );
}

function History(props: { view: View; detail: MaterialDetail }) {
  const { view } = props;
  const { t, lang } = view;
  const timeline = timelineOf(props.detail);
  if (timeline.length === 0) return <p>{t.material.noHistory}</p>;
  return (
    <div class="table-wrap">
      <table class="history">
        <thead>
          <tr>
            <th scope="col">{t.material.at}</th>
            <th scope="col">{t.material.event}</th>
            <th scope="col">{t.material.by}</th>
            <th scope="col">{t.material.comment}</th>
            <th scope="col">{t.material.forReporters}</th>
          </tr>
        </thead>
        <tbody>
          {timeline.map((entry) =>
            entry.kind === 'decision' ? (
              <tr>
                <td>{formatTime(entry.at)}</td>
                <td>
                  {label('status', entry.change.fromStatus, lang)} →{' '}
                  {label('status', entry.change.toStatus, lang)}
                </td>
                <td>
                  {entry.change.byName ?? (
                    <span class="hash">{entry.change.byUserId ?? t.common.none}</span>
                  )}
                </td>
                <td class="note">
                  {entry.change.comment || t.common.none}
                  {entry.change.legalGround && (
                    <p class="legal-ground">
                      {t.material.legalGround}: {legalGroundText(entry.change.legalGround, view)}
                    </p>
                  )}
                </td>
                <td class="note">{entry.change.reporterComment || t.common.none}</td>
              </tr>
            ) : (
              <tr class="withdrawal" data-withdrawn={entry.report.id}>
                <td>{formatTime(entry.at)}</td>
                <td>{t.material.reportWithdrawn}</td>
                <td>
                  <Reporter reporter={entry.report.reporter} />
                </td>
                <td>{t.common.none}</td>
                <td>{t.common.none}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Back to the queue, on to the next material nobody else holds, and the keyboard's help. */
function QueueLinks(props: { view: View; materialId: string; query: string }) {
  const { t } = props.view;
  const q = props.query ? `${props.query}&` : '';
  return (
    <p class="actions queue-links">
      <a href={props.query ? `/review?${props.query}` : '/review'} data-key="queue">
        {t.triage.backToQueue}
      </a>{' '}
      <a href={`/review/next?${q}after=${props.materialId}`} data-key="next">
        {t.triage.next}
      </a>{' '}
      <KeyboardHelp view={props.view} page="material" />
    </p>
  );
}

/** A material for reviewers: what it is, the decision form, its history, reports and evidence. */
export function MaterialPage(props: {
  view: View;
  detail: MaterialDetail;
  notice?: { kind: 'error' | 'success'; text: string };
  draft?: DecisionDraft;
  errors?: FieldErrors;
  custody?: Record<string, unknown>[];
  checks: RecheckView[];
  notices: NoticeSummary[];
  reviewers: Reviewer[];
  /** The queue's filters and sort the reviewer came with: "next" and "back" keep them. */
  queueQuery: string;
  relations: MaterialRelations;
}) {
  const { view, detail } = props;
  const { material } = detail;
  const { t, lang } = view;
  return (
    <Layout view={view} title={material.title || material.url} script={REVIEW_KEYS_URL}>
      {props.notice && <Notice kind={props.notice.kind}>{props.notice.text}</Notice>}
      <QueueLinks view={view} materialId={material.id} query={props.queueQuery} />
      {material.withdrawn && <Notice kind="info">{t.material.withdrawnNotice}</Notice>}
      <RelationNotices view={view} relations={props.relations} />
      <dl class="facts">
        <dt>{t.material.url}</dt>
        <dd class="url">
          <a href={material.url} rel="noreferrer noopener nofollow" target="_blank">
            {material.url}
          </a>
        </dd>
        <dt>{t.material.status}</dt>
        <dd>
          <StatusBadge status={material.status} label={label('status', material.status, lang)} />
          {material.withdrawn && (
            <>
              {' '}
              <span class="badge withdrawn">{t.review.withdrawn}</span>
            </>
          )}
        </dd>
        {props.relations.registrableDomain && (
          <>
            <dt>{t.relations.site}</dt>
            <dd>
              <a href={`/review?domain=${encodeURIComponent(props.relations.registrableDomain)}`}>
                {props.relations.registrableDomain}
              </a>
            </dd>
          </>
        )}
        <dt>{t.material.firstSeen}</dt>
        <dd>{formatTime(material.firstReportedAt)}</dd>
        <dt>{t.review.reports}</dt>
        <dd>{material.reportCount}</dd>
        {material.withdrawnReportCount > 0 && (
          <>
            <dt>{t.material.withdrawnReports}</dt>
            <dd>{material.withdrawnReportCount}</dd>
          </>
        )}
      </dl>
      <ClaimBox view={view} material={material} reviewers={props.reviewers} />
      <h2>{t.material.decision}</h2>
      <DecisionForm
        view={view}
        material={material}
        draft={props.draft}
        errors={props.errors}
        originals={originalChoices(props.relations)}
      />
      <h2>{t.material.history}</h2>
      <History view={view} detail={detail} />
      <RecheckSection
        view={view}
        materialId={material.id}
        status={material.status}
        checks={props.checks}
      />
      <MaterialNotices view={view} materialId={material.id} notices={props.notices} />
      <RelationsSection view={view} relations={props.relations} />
      <h2>{t.material.reports}</h2>
      {detail.reports.map((report, index) => (
        <Report view={view} report={report} index={index} />
      ))}
      {detail.evidence.length > 0 && (
        <EvidenceSection view={view} materialId={material.id} items={detail.evidence} />
      )}
      <CustodyTable view={view} events={props.custody ?? []} />
    </Layout>
  );
}
