/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import {
  NOTICE_MAX_MATERIALS,
  noticeCreateSchema,
  noticeResponseInputSchema,
  noticesQuerySchema,
} from '#shared/schemas/notices';
import type { Topic } from '#shared/taxonomy';
import { clientAddress } from '../../features/auth/client-address';
import {
  createNotice,
  listNotices,
  noticeById,
  recordResponse,
  sendNotice,
} from '../../features/notices/notices-service';
import { listRecipients } from '../../features/notices/recipients-service';
import { statementOfReasons } from '../../features/notices/statement';
import { requireSiteRole } from '../../features/web-session/middleware';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import { fieldErrorsOf, formValues } from '../form-values';
import { renderPage } from '../render';
import { legalGroundFromForm } from '../review/legal-ground-fields';
import { idParam } from '../route-params';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { LetterPage } from './letter-page';
import { type ChosenMaterial, NoticeFormPage } from './notice-form-page';
import { NoticePage } from './notice-page';
import { NoticesPage } from './notices-page';

const actorOf = (c: Context<SiteEnv>) => ({ userId: c.get('viewer')!.id, ip: clientAddress(c) });

/** Notices on the reviewers' site: the list, drafting, sending, responses, letters. */
export function noticesRoutes(deps: AppDeps) {
  const { storage } = deps;

  const chosenMaterials = async (ids: string[]): Promise<ChosenMaterial[]> => {
    const unique = [...new Set(ids)].slice(0, NOTICE_MAX_MATERIALS);
    const files = await Promise.all(unique.map((id) => storage.review.materialFile(id)));
    return files.flatMap((file) =>
      file
        ? [
            {
              id: file.material.id,
              url: file.material.url,
              title: file.material.title,
              topics: [...new Set(file.reports.flatMap((r) => r.report.topics))] as Topic[],
            },
          ]
        : [],
    );
  };

  const showNotice = async (
    c: Context<SiteEnv>,
    extra: Omit<Parameters<typeof NoticePage>[0], 'view' | 'notice'> = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const notice = await noticeById(storage, idParam(c), deps.now());
    return renderPage(c, <NoticePage view={viewOf(c)} notice={notice} {...extra} />, status);
  };

  const uuid = /^[0-9a-f-]{36}$/i;
  return new Hono<SiteEnv>()
    .use('/review/*', requireSiteRole('reviewer', 'admin'))
    .get('/review/notices', async (c) => {
      const parsed = noticesQuerySchema.safeParse(c.req.query());
      const query = parsed.success ? parsed.data : {};
      const all = await listNotices(storage, {}, deps.now());
      const shown = query.status ? all.filter((n) => n.status === query.status) : all;
      const overdue = all.filter((n) => n.overdue).length;
      return renderPage(c, <NoticesPage view={viewOf(c)} notices={shown} overdue={overdue} />);
    })
    .get('/review/notices/new', async (c) => {
      const ids = (c.req.queries('material') ?? []).filter((id) => uuid.test(id));
      return renderPage(
        c,
        <NoticeFormPage
          view={viewOf(c)}
          recipients={await listRecipients(storage)}
          materials={await chosenMaterials(ids)}
        />,
      );
    })
    .post('/review/notices', async (c) => {
      const form = await c.req.formData();
      const ids = form.getAll('materialId').filter((v): v is string => typeof v === 'string');
      const raw = await formValues(c);
      const request = noticeCreateSchema.safeParse({
        recipientId: raw.recipientId,
        materialIds: ids,
        legalGround: legalGroundFromForm(raw),
        explanation: raw.explanation ?? '',
      });
      if (!request.success) {
        const t = c.get('t');
        const errors = fieldErrorsOf(request.error.issues, raw, t);
        if (errors.legalGround || !raw.legalGround)
          errors.legalGround = t.material.legalGroundInvalid;
        const page = (
          <NoticeFormPage
            view={viewOf(c)}
            recipients={await listRecipients(storage)}
            materials={await chosenMaterials(ids.filter((id) => uuid.test(id)))}
            draft={raw}
            errors={errors}
          />
        );
        return renderPage(c, page, 400);
      }
      const notice = await createNotice(storage, request.data, actorOf(c), deps.now());
      return c.redirect(`/review/notices/${notice.id}?created=1`, 303);
    })
    .get('/review/notices/:id', (c) => {
      const t = c.get('t').notices;
      const done = c.req.query('created')
        ? t.createdDone
        : c.req.query('sent')
          ? t.sentDone
          : c.req.query('responded')
            ? t.respondedDone
            : undefined;
      return showNotice(c, done ? { message: { kind: 'success', text: done } } : {});
    })
    .post('/review/notices/:id/send', async (c) => {
      try {
        await sendNotice(storage, idParam(c), actorOf(c), deps.now());
      } catch (err) {
        if (!(err instanceof ApiError) || err.code !== 'conflict') throw err;
        const text = c.get('t').notices.notAllowed;
        return showNotice(c, { message: { kind: 'error', text } }, 409);
      }
      return c.redirect(`/review/notices/${idParam(c)}?sent=1`, 303);
    })
    .post('/review/notices/:id/responses', async (c) => {
      const raw = await formValues(c);
      const request = noticeResponseInputSchema.safeParse({
        receivedOn: raw.receivedOn,
        text: raw.text ?? '',
        resultingStatus: raw.resultingStatus,
      });
      if (!request.success) {
        const errors = fieldErrorsOf(request.error.issues, raw, c.get('t'));
        return showNotice(c, { draft: raw, errors }, 400);
      }
      try {
        await recordResponse(storage, idParam(c), request.data, actorOf(c), deps.now());
      } catch (err) {
        if (!(err instanceof ApiError) || err.code !== 'conflict') throw err;
        const text = c.get('t').notices.notAllowed;
        return showNotice(c, { message: { kind: 'error', text }, draft: raw }, 409);
      }
      return c.redirect(`/review/notices/${idParam(c)}?responded=1#responses`, 303);
    })
    .get('/review/notices/:id/letter', async (c) => {
      const lang = c.req.query('lang') === 'kk' ? 'kk' : 'ru';
      const statement = statementOfReasons(await noticeById(storage, idParam(c), deps.now()));
      const letterhead = deps.config.letterhead;
      return renderPage(
        c,
        <LetterPage lang={lang} statement={statement} letterhead={letterhead} />,
      );
    })
    .get('/review/notices/:id/statement.json', async (c) => {
      const statement = statementOfReasons(await noticeById(storage, idParam(c), deps.now()));
      c.header('Content-Disposition', `attachment; filename="notice-${statement.noticeId}.json"`);
      c.header('Cache-Control', 'no-store');
      return c.json(statement);
    });
}
