import type { JsonAnswer } from '../../testing/reports';
import type { createTestApp } from '../../testing/test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Caller = { auth: Record<string, string> };

/** Sends JSON as the caller; answers status and parsed body. */
export async function sendJson(
  t: TestApp,
  caller: Caller,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown = {},
) {
  const response = await t.app.request(path, {
    method,
    headers: { ...caller.auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as JsonAnswer };
}

/** Adds a recipient as the caller and answers its id. */
export async function addRecipient(
  t: TestApp,
  caller: Caller,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const { status, body } = await sendJson(t, caller, 'POST', '/api/notices/recipients', {
    name: 'Example Platform LLP',
    type: 'platform',
    contact: 'legal@platform.example',
    deadlineHours: 24,
    ...overrides,
  });
  if (status !== 201) throw new Error(`recipient not created: ${status}`);
  return body.recipient.id;
}

/** Drafts a notice of the materials to the recipient and answers its id. */
export async function draftNotice(
  t: TestApp,
  caller: Caller,
  recipientId: string,
  materialIds: string[],
): Promise<string> {
  const { status, body } = await sendJson(t, caller, 'POST', '/api/notices', {
    recipientId,
    materialIds,
    legalGround: { code: 'communications_41_1_p1' },
    explanation: 'Реклама онлайн-казино, доступная из Казахстана.',
  });
  if (status !== 201) throw new Error(`notice not created: ${status}`);
  return body.notice.id;
}
