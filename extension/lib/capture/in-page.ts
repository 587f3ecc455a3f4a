import { browser } from 'wxt/browser';

/** Runs one of page-scripts.ts's functions in a tab's top frame and returns its result. */
export async function runInPage<Args extends unknown[], Result>(
  tabId: number,
  func: (...args: Args) => Result,
  ...args: Args
): Promise<Awaited<Result>> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    func: func as (...args: unknown[]) => Result,
    args,
  });
  return first?.result as Awaited<Result>;
}

/** Why a capture step failed, in the words the report records (storage/capture-state.ts). */
export class CaptureStepError extends Error {
  constructor(
    readonly problem: 'not_allowed' | 'too_large' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'CaptureStepError';
  }
}

/** A browser refusal to read or photograph a page (no grant, a browser page, a store page). */
export function notAllowed(error: unknown): CaptureStepError {
  return new CaptureStepError('not_allowed', String((error as Error)?.message ?? error));
}

/** The bytes of a base64 `data:` URL. */
export function bytesOfDataUrl(dataUrl: string): Uint8Array<ArrayBuffer> {
  const comma = dataUrl.indexOf(',');
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const wait = (ms: number) =>
  new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : resolve()));
