/** @jsxImportSource hono/jsx */
import { type View, withQuery } from '../view';

/** Links to the first page and, when there is more, to the next one (cursor paging). */
export function Pager(props: {
  view: View;
  cursor: string | null;
  hasMore: boolean;
  nextLabel?: string;
  firstLabel?: string;
}) {
  const { view } = props;
  const onFirstPage = !view.url.searchParams.get('cursor');
  if (onFirstPage && !props.hasMore) return null;
  return (
    <nav class="actions pager" aria-label={view.t.common.pages}>
      {!onFirstPage && (
        <a href={withQuery(view.url, { cursor: undefined, done: undefined })}>
          {props.firstLabel ?? view.t.common.previous}
        </a>
      )}
      {props.hasMore && props.cursor && (
        <a href={withQuery(view.url, { cursor: props.cursor, done: undefined })} rel="next">
          {props.nextLabel ?? view.t.common.next}
        </a>
      )}
    </nav>
  );
}
