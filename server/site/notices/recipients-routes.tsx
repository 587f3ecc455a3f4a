/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import { recipientInputSchema } from '#shared/schemas/notices';
import { clientAddress } from '../../features/auth/client-address';
import {
  listRecipients,
  recipientById,
  saveRecipient,
} from '../../features/notices/recipients-service';
import { requireSiteRole } from '../../features/web-session/middleware';
import type { AppDeps } from '../../http/env';
import { fieldErrorsOf, formValues } from '../form-values';
import { renderPage } from '../render';
import { idParam } from '../route-params';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { type RecipientDraft, RecipientEditPage, RecipientsPage } from './recipients-page';

const actorOf = (c: Context<SiteEnv>) => ({ userId: c.get('viewer')!.id, ip: clientAddress(c) });

/** The recipients of notices: list, add, change (reviewers and admins). */
export function recipientsRoutes(deps: AppDeps) {
  const { storage } = deps;
  const parse = async (c: Context<SiteEnv>) => {
    const raw: RecipientDraft = await formValues(c);
    const parsed = recipientInputSchema.safeParse({
      name: raw.name ?? '',
      type: raw.type,
      contact: raw.contact ?? '',
      deadlineHours: raw.deadlineHours,
    });
    return { raw, parsed };
  };
  return new Hono<SiteEnv>()
    .use('/review/*', requireSiteRole('reviewer', 'admin'))
    .get('/review/recipients', async (c) =>
      renderPage(
        c,
        <RecipientsPage
          view={viewOf(c)}
          recipients={await listRecipients(storage)}
          saved={!!c.req.query('saved')}
        />,
      ),
    )
    .post('/review/recipients', async (c) => {
      const { raw, parsed } = await parse(c);
      if (!parsed.success) {
        const errors = fieldErrorsOf(parsed.error.issues, raw, c.get('t'));
        const recipients = await listRecipients(storage);
        const page = (
          <RecipientsPage view={viewOf(c)} recipients={recipients} draft={raw} errors={errors} />
        );
        return renderPage(c, page, 400);
      }
      await saveRecipient(storage, parsed.data, actorOf(c), deps.now());
      return c.redirect('/review/recipients?saved=1', 303);
    })
    .get('/review/recipients/:id', async (c) => {
      const r = await recipientById(storage, idParam(c));
      const draft = { ...r, deadlineHours: String(r.deadlineHours) };
      return renderPage(c, <RecipientEditPage view={viewOf(c)} id={r.id} draft={draft} />);
    })
    .post('/review/recipients/:id', async (c) => {
      const id = idParam(c);
      const { raw, parsed } = await parse(c);
      if (!parsed.success) {
        const errors = fieldErrorsOf(parsed.error.issues, raw, c.get('t'));
        const page = <RecipientEditPage view={viewOf(c)} id={id} draft={raw} errors={errors} />;
        return renderPage(c, page, 400);
      }
      await saveRecipient(storage, parsed.data, actorOf(c), deps.now(), id);
      return c.redirect('/review/recipients?saved=1', 303);
    });
}
