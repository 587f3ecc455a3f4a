/** @jsxImportSource hono/jsx */
import type { MaterialRef, MaterialRelations } from '#shared/schemas/relations';
import { Notice } from '../components/forms';
import type { View } from '../view';
import { label } from '../vocabulary';
import { StatusBadge } from './evidence-thumbs';

/** A link to another material with its status. */
export function MaterialLink(props: { view: View; material: MaterialRef }) {
  const { view, material } = props;
  return (
    <>
      <a href={`/review/materials/${material.id}`}>{material.title || material.url}</a>{' '}
      <StatusBadge status={material.status} label={label('status', material.status, view.lang)} />
      <br />
      <span class="url meta">{material.url}</span>
    </>
  );
}

/** Above the facts: a possible mirror of something blocked, or the original of a duplicate. */
export function RelationNotices(props: { view: View; relations: MaterialRelations }) {
  const { view, relations } = props;
  const { t } = view;
  return (
    <>
      {relations.possibleMirrorOf && (
        <Notice kind="error">
          <span data-mirror-of={relations.possibleMirrorOf.id}>{t.relations.mirrorNotice}</span>{' '}
          <MaterialLink view={view} material={relations.possibleMirrorOf} />
        </Notice>
      )}
      {relations.duplicateOf && (
        <Notice kind="info">
          {t.relations.duplicateOfNotice}{' '}
          <MaterialLink view={view} material={relations.duplicateOf} />
        </Notice>
      )}
    </>
  );
}

function RefList(props: { view: View; items: MaterialRef[]; detail?: (m: MaterialRef) => string }) {
  if (props.items.length === 0) return <p class="meta">{props.view.t.relations.none}</p>;
  return (
    <ul class="related">
      {props.items.map((m) => (
        <li data-related={m.id}>
          <MaterialLink view={props.view} material={m} />
          {props.detail && <span class="meta"> — {props.detail(m)}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Related materials: duplicates of this one, same or nearly the same content, the same site. */
export function RelationsSection(props: { view: View; relations: MaterialRelations }) {
  const { view, relations } = props;
  const { t } = view;
  const signalOf = new Map(relations.sameContent.map((r) => [r.id, r]));
  return (
    <section id="related" aria-labelledby="related-title">
      <h2 id="related-title">{t.relations.title}</h2>
      {relations.duplicates.length > 0 && (
        <>
          <h3>{t.relations.duplicates}</h3>
          <RefList view={view} items={relations.duplicates} />
        </>
      )}
      <h3>{t.relations.sameContent}</h3>
      <RefList
        view={view}
        items={relations.sameContent}
        detail={(m) => {
          const r = signalOf.get(m.id)!;
          return `${t.relations.signal[r.signal]}, ${t.relations.similarity(Math.round(r.similarity * 100))}`;
        }}
      />
      <h3>
        {t.relations.sameSite}
        {relations.registrableDomain && <span class="meta"> · {relations.registrableDomain}</span>}
      </h3>
      <RefList view={view} items={relations.sameSite} />
      {relations.registrableDomain && relations.sameSite.length > 0 && (
        <p>
          <a href={`/review?domain=${encodeURIComponent(relations.registrableDomain)}`}>
            {t.relations.sameSiteAll(relations.registrableDomain)}
          </a>
        </p>
      )}
    </section>
  );
}

/** The choices of a duplicate's original: related materials first (same content, then same site). */
export function originalChoices(relations: MaterialRelations): MaterialRef[] {
  const seen = new Set<string>();
  return [...relations.sameContent, ...relations.sameSite].filter(
    (m) => m.status !== 'duplicate' && !seen.has(m.id) && seen.add(m.id),
  );
}
