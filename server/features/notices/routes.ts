import { type Context, Hono } from 'hono';
import {
  noticeCreateSchema,
  noticeParamsSchema,
  noticeResponseInputSchema,
  noticesQuerySchema,
  recipientInputSchema,
} from '#shared/schemas/notices';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { parseJson, parseQuery } from '../../http/validate';
import { clientAddress } from '../auth/client-address';
import { requireRole, requireUser } from '../auth/require-user';
import { requireConsent } from '../consent/require-consent';
import {
  createNotice,
  listNotices,
  noticeById,
  recordResponse,
  sendNotice,
} from './notices-service';
import { listRecipients, recipientById, saveRecipient } from './recipients-service';
import { statementOfReasons } from './statement';
import './api-docs';

/** The `:id` of the path; an id that is no UUID names nothing. */
function pathId(c: Context, what: string): string {
  const parsed = noticeParamsSchema.safeParse({ id: c.req.param('id') });
  if (!parsed.success) throw new ApiError('not_found', `No such ${what}.`);
  return parsed.data.id;
}

const actorOf = (c: Context<AppEnv>) => ({ userId: c.get('user').id, ip: clientAddress(c) });

/** Recipients and notices (mounted at /api/notices; reviewers and admins). */
export function noticeRoutes(deps: AppDeps) {
  const { storage } = deps;
  const reviewers = [requireUser(deps), requireRole('reviewer', 'admin')] as const;
  const writers = [...reviewers, requireConsent(deps)] as const;
  return new Hono<AppEnv>()
    .get('/recipients', ...reviewers, async (c) =>
      c.json({ recipients: await listRecipients(storage) }),
    )
    .post('/recipients', ...writers, async (c) => {
      const input = await parseJson(c, recipientInputSchema);
      return c.json(
        { recipient: await saveRecipient(storage, input, actorOf(c), deps.now()) },
        201,
      );
    })
    .get('/recipients/:id', ...reviewers, async (c) =>
      c.json({ recipient: await recipientById(storage, pathId(c, 'recipient')) }),
    )
    .put('/recipients/:id', ...writers, async (c) => {
      const id = pathId(c, 'recipient');
      const input = await parseJson(c, recipientInputSchema);
      return c.json({ recipient: await saveRecipient(storage, input, actorOf(c), deps.now(), id) });
    })
    .get('/', ...reviewers, async (c) =>
      c.json({
        notices: await listNotices(storage, parseQuery(c, noticesQuerySchema), deps.now()),
      }),
    )
    .post('/', ...writers, async (c) => {
      const input = await parseJson(c, noticeCreateSchema);
      return c.json({ notice: await createNotice(storage, input, actorOf(c), deps.now()) }, 201);
    })
    .get('/:id', ...reviewers, async (c) =>
      c.json({ notice: await noticeById(storage, pathId(c, 'notice'), deps.now()) }),
    )
    .get('/:id/statement', ...reviewers, async (c) =>
      c.json(statementOfReasons(await noticeById(storage, pathId(c, 'notice'), deps.now()))),
    )
    .post('/:id/send', ...writers, async (c) =>
      c.json({ notice: await sendNotice(storage, pathId(c, 'notice'), actorOf(c), deps.now()) }),
    )
    .post('/:id/responses', ...writers, async (c) => {
      const id = pathId(c, 'notice');
      const input = await parseJson(c, noticeResponseInputSchema);
      const notice = await recordResponse(storage, id, input, actorOf(c), deps.now());
      return c.json({ notice }, 201);
    });
}
