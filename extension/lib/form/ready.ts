/** The performance mark set when the form is first painted filled and usable (targets.md P4). */
export const FORM_READY_MARK = 'webtagger:form-ready';

let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

/** Records that the popup's form is painted and usable: what waited for it may start. */
export function markFormReady(): void {
  performance.mark(FORM_READY_MARK);
  resolveReady();
}

/**
 * How long what waits for the form's first paint waits when no form shows: the popup on a
 * browser page or opened on the review list, where the server check and the review tab's count
 * wait this long for nothing, so it is short. Where a form is mounted its mark comes first (it is
 * set one frame after the form's values are in), so the value matters only when none comes.
 */
export const FORM_WAIT_MS = 300;

/**
 * Resolves once the form is ready, or after `timeoutMs` when none shows. Work the first paint
 * does not need (code for later clicks, the server's answer) waits for it rather than competing
 * with it for the page's one thread.
 */
export function afterFormReady(timeoutMs: number): Promise<void> {
  return Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}
