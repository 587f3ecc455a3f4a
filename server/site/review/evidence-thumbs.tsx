/** @jsxImportSource hono/jsx */
import type { Evidence } from '#shared/schemas/report';
import type { View } from '../view';

/** Where the site serves a piece of evidence (to reviewers and admins). */
export const evidenceHref = (sha256: string) => `/review/evidence/${sha256}`;

/** Small evidence thumbnails, each linking to the full image. */
export function EvidenceThumbs(props: { view: View; evidence: Evidence[]; max?: number }) {
  const shown = props.evidence.slice(0, props.max ?? 3);
  if (shown.length === 0) return <>{props.view.t.common.none}</>;
  return (
    <span class="thumbs">
      {shown.map((item, i) => (
        <a href={evidenceHref(item.sha256)}>
          <img
            src={evidenceHref(item.sha256)}
            alt={props.view.t.review.evidenceAlt(i + 1)}
            width={64}
            height={48}
            loading="lazy"
          />
        </a>
      ))}
    </span>
  );
}

/** A review status as a badge. */
export function StatusBadge(props: { status: string; label: string }) {
  return <span class={`badge status-${props.status}`}>{props.label}</span>;
}
