/** @jsxImportSource hono/jsx */
import type { Capture } from '#shared/schemas/report';
import type { EvidenceItem } from '#shared/schemas/review';
import { formatBytes, formatTime } from '../components/format';
import type { View } from '../view';
import { evidenceHref } from './evidence-thumbs';

/** Where a file's time-stamp stands, in words. */
function TimestampState(props: { view: View; item: EvidenceItem }) {
  const { t } = props.view;
  const ts = props.item.timestamp;
  if (ts.state === 'stamped' && ts.genTime) {
    return <span class="ts ts-stamped">{t.evidence.stamped(formatTime(ts.genTime))}</span>;
  }
  if (ts.state === 'pending') {
    return (
      <span class="ts ts-pending">
        {t.evidence.pending}
        {ts.attempts > 0 && ` (${t.evidence.attempts(ts.attempts)})`}
      </span>
    );
  }
  return <span class="ts ts-none">{t.evidence.notConfigured}</span>;
}

function FileFacts(props: { view: View; item: EvidenceItem }) {
  const { view, item } = props;
  const { t } = view;
  return (
    <dl class="facts">
      <dt>{t.evidence.sha256}</dt>
      <dd class="hash">{item.sha256}</dd>
      <dt>{t.evidence.size}</dt>
      <dd>{formatBytes(item.bytes)}</dd>
      <dt>{t.evidence.timestamp}</dt>
      <dd>
        <TimestampState view={view} item={item} />
      </dd>
    </dl>
  );
}

/** One evidence file: a screenshot shown, an HTML copy in a sandboxed frame, MHTML to download. */
function EvidenceFile(props: { view: View; item: EvidenceItem; index: number }) {
  const { view, item } = props;
  const { t } = view;
  const href = evidenceHref(item.sha256);
  const heading = item.kind === 'screenshot' ? t.evidence.screenshot : t.evidence.pageCopy;
  return (
    <figure class="evidence-file" data-sha256={item.sha256}>
      <figcaption>
        <strong>{heading}</strong>{' '}
        {item.uploaded ? (
          <a href={href} download>
            {t.evidence.download}
          </a>
        ) : (
          t.evidence.notReceived
        )}
      </figcaption>
      {item.uploaded && item.kind === 'screenshot' && (
        <a href={href}>
          <img src={href} alt={t.review.evidenceAlt(props.index + 1)} loading="lazy" />
        </a>
      )}
      {item.uploaded && item.mime === 'text/html' && (
        <>
          <p class="hint">{t.evidence.copySandboxed}</p>
          {/* No allow-* token: no scripts, no same origin, no forms, no popups, no top navigation. */}
          <iframe
            class="page-copy"
            src={`${href}/view`}
            sandbox=""
            referrerpolicy="no-referrer"
            title={t.evidence.pageCopy}
            loading="lazy"
          />
        </>
      )}
      {item.uploaded && item.mime === 'multipart/related' && (
        <p class="hint">{t.evidence.copyKindMhtml}</p>
      )}
      <FileFacts view={view} item={item} />
    </figure>
  );
}

/** The evidence of a material, screenshots first, and the package to download. */
export function EvidenceSection(props: { view: View; materialId: string; items: EvidenceItem[] }) {
  const { view } = props;
  const { t } = view;
  const ordered = [...props.items].sort((a, b) =>
    a.kind === b.kind ? 0 : a.kind === 'screenshot' ? -1 : 1,
  );
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t.evidence.title}</h2>
      <p>
        <a
          class="button"
          href={`/review/materials/${props.materialId}/evidence-package`}
          download
          data-evidence-package
        >
          {t.evidence.package}
        </a>
      </p>
      <p class="hint">{t.evidence.packageHint}</p>
      <div class="evidence">
        {ordered.map((item, index) => (
          <EvidenceFile view={view} item={item} index={index} />
        ))}
      </div>
    </section>
  );
}

/** What the browser recorded when it captured a report's evidence. */
export function CaptureFacts(props: { view: View; capture: Capture }) {
  const { t } = props.view;
  const c = props.capture;
  return (
    <>
      <dt>{t.evidence.capture}</dt>
      <dd>
        <dl class="facts capture">
          <dt>{t.evidence.pageTitle}</dt>
          <dd>{c.title || t.common.none}</dd>
          <dt>{t.material.url}</dt>
          <dd class="url">{c.url}</dd>
          <dt>{t.evidence.finalUrl}</dt>
          <dd class="url">{c.finalUrl}</dd>
          <dt>{t.evidence.capturedAt}</dt>
          <dd>{formatTime(new Date(c.capturedAt).toISOString())}</dd>
          <dt>{t.evidence.browser}</dt>
          <dd>{`${c.browser.name} ${c.browser.version}`}</dd>
          <dt>{t.evidence.viewport}</dt>
          <dd>{`${c.viewport.width} × ${c.viewport.height}`}</dd>
          <dt>{t.evidence.extensionVersion}</dt>
          <dd>{c.extensionVersion}</dd>
        </dl>
      </dd>
    </>
  );
}

/** The material's custody log: each event, when, and its hash. */
export function CustodyTable(props: { view: View; events: Record<string, unknown>[] }) {
  const { t } = props.view;
  if (props.events.length === 0) return null;
  return (
    <>
      <h2>{t.evidence.custody}</h2>
      <div class="table-wrap">
        <table class="custody">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t.material.at}</th>
              <th scope="col">{t.evidence.event}</th>
              <th scope="col">{t.evidence.hash}</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((e) => (
              <tr>
                <td>{String(e.seq)}</td>
                <td>{formatTime(String(e.at))}</td>
                <td>{t.evidence.events[String(e.type)] ?? String(e.type)}</td>
                <td class="hash">{String(e.hash).slice(0, 16)}…</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
