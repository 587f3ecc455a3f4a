/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { disclosureRequestSchema } from '#shared/schemas/disclosures';
import { clientAddress } from '../../features/auth/client-address';
import {
  disclosureExport,
  findDisclosure,
  listDisclosures,
  recordDisclosure,
} from '../../features/disclosures/disclosure-service';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import type { FieldErrors } from '../components/forms';
import { fieldErrorsOf, formValues } from '../form-values';
import type { Strings } from '../i18n';
import { renderPage } from '../render';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { type DisclosureDraft, DisclosuresPage } from './disclosures-page';

const PAGE_SIZE = 50;
const isUuid = (value: string) => z.uuid().safeParse(value).success;

/** Ids typed one per line (commas and spaces work too); none typed is no criterion. */
const idsOf = (text: string | undefined) => {
  const ids = (text ?? '').split(/[\s,;]+/).filter(Boolean);
  return ids.length > 0 ? ids : undefined;
};

/** The disclosure request the form describes. */
function requestOf(raw: DisclosureDraft) {
  return {
    recipient: raw.recipient ?? '',
    recipientType: raw.recipientType,
    basis: raw.basis ?? '',
    requestNumber: raw.requestNumber ?? '',
    requestDate: raw.requestDate ?? '',
    scope: {
      materialIds: idsOf(raw.materialIds),
      userIds: idsOf(raw.userIds),
      from: raw.from || undefined,
      to: raw.to || undefined,
    },
    includeReporterIdentity: raw.includeReporterIdentity === 'true',
  };
}

/** Errors by form field: the scope's own fields by name, the scope as a whole under `scope`. */
function disclosureErrors(
  issues: Parameters<typeof fieldErrorsOf>[0],
  raw: DisclosureDraft,
  t: Strings,
): FieldErrors {
  const errors = fieldErrorsOf(
    issues.filter((issue) => issue.path[0] !== 'scope'),
    raw,
    t,
  );
  for (const issue of issues.filter((i) => i.path[0] === 'scope')) {
    const field = issue.path[1];
    if (typeof field === 'string') errors[field] ??= t.errors.invalid;
    else errors.scope ??= t.disclosures.scopeHint;
  }
  return errors;
}

/**
 * Disclosures (admins only): recording one redirects to the page, which shows the record and a
 * link to its export (post/redirect/get: reloading the page records nothing twice); the list.
 */
export function disclosureRoutes(deps: AppDeps) {
  const { storage } = deps;
  const action = (c: Context<SiteEnv>) => ({
    adminId: c.get('viewer')!.id,
    at: deps.now(),
    ip: clientAddress(c),
  });
  const page = async (
    c: Context<SiteEnv>,
    form: { draft?: DisclosureDraft; errors?: FieldErrors } = {},
    status: 200 | 400 = 200,
  ) => {
    const cursor = c.req.query('cursor');
    const list = await listDisclosures(
      storage,
      { cursor: cursor && cursor.length <= 200 ? cursor : undefined, limit: PAGE_SIZE },
      action(c),
    );
    const recordedId = c.req.query('recorded');
    const recorded =
      recordedId && isUuid(recordedId) && !form.draft
        ? await findDisclosure(storage, recordedId)
        : undefined;
    return renderPage(
      c,
      <DisclosuresPage view={viewOf(c)} page={list} recorded={recorded} {...form} />,
      status,
    );
  };
  return new Hono<SiteEnv>()
    .get('/admin/disclosures', (c) => page(c))
    .post('/admin/disclosures', async (c) => {
      const t = c.get('t');
      const raw: DisclosureDraft = await formValues(c);
      const request = disclosureRequestSchema.safeParse(requestOf(raw));
      if (!request.success) {
        return page(c, { draft: raw, errors: disclosureErrors(request.error.issues, raw, t) }, 400);
      }
      try {
        const { disclosure } = await recordDisclosure(storage, request.data, action(c));
        return c.redirect(`/admin/disclosures?recorded=${disclosure.id}`, 303);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'validation_failed') {
          return page(c, { draft: raw, errors: { requestDate: t.errors.invalid } }, 400);
        }
        throw err;
      }
    })
    .get('/admin/disclosures/:id/export.json', async (c) => {
      const id = c.req.param('id');
      if (!isUuid(id)) throw new ApiError('not_found', 'No such disclosure.');
      const exported = await disclosureExport(storage, id, action(c));
      return c.body(JSON.stringify(exported, null, 2), 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="disclosure-${id}.json"`,
        'Cache-Control': 'no-store',
      });
    });
}
