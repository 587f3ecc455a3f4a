import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Answers a rendered page. Pages may show personal data, so no cache keeps them; JSX escapes
 * every text and attribute value it is given.
 */
export async function renderPage(
  c: Context,
  page: JSX.Element,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  c.header('Cache-Control', 'no-store');
  const html = await (await page).toString();
  return c.html(`<!doctype html>${html}`, status);
}
