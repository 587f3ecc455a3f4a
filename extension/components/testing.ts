import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

/** Renders a component into a fresh element of the document; `unmount` removes it. */
export async function mount(node: ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => {
    render(node, root);
  });
  return {
    root,
    unmount: () => {
      render(null, root);
      root.remove();
    },
  };
}

/** Waits until the probe returns something truthy (effects that read Dexie are asynchronous). */
export async function waitFor<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`waitFor: nothing after ${timeoutMs} ms`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

/** Types a value into an input or textarea the way the browser reports it. */
export async function typeInto(element: Element | null, value: string) {
  const input = element as HTMLInputElement;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Picks an option of a select. */
export async function choose(element: Element | null, value: string) {
  const select = element as HTMLSelectElement;
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Clicks an element. */
export async function click(element: Element | null) {
  await act(() => {
    (element as HTMLElement).click();
  });
}

/** The visible text of an element, spaces collapsed. */
export const textOf = (element: Element | null) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
