import { z } from 'zod';
import { codesOf, type Vocabulary } from '../labels';
import { LEGAL_ACTS, LEGAL_GROUND_CODES, legalGroundChoiceSchema } from '../legal-grounds';
import { REVIEW_STATUS_CODES } from '../review-status';

/** The kinds of organisation a notice goes to. */
export const RECIPIENT_TYPES = {
  platform: { ru: 'Онлайн-платформа', kk: 'Онлайн-платформа', en: 'Online platform' },
  hosting_provider: { ru: 'Хостинг-провайдер', kk: 'Хостинг-провайдер', en: 'Hosting provider' },
  authority: { ru: 'Государственный орган', kk: 'Мемлекеттік орган', en: 'Authority' },
  other: { ru: 'Другая организация', kk: 'Басқа ұйым', en: 'Other organisation' },
} as const satisfies Vocabulary<string>;
export type RecipientType = keyof typeof RECIPIENT_TYPES;
export const RECIPIENT_TYPE_CODES = codesOf<RecipientType>(RECIPIENT_TYPES);

/**
 * A notice's status. `overdue` is never recorded: it is a sent or acknowledged notice whose
 * deadline has passed, computed against the clock.
 */
export const NOTICE_STATUSES = {
  draft: { ru: 'Черновик', kk: 'Жоба', en: 'Draft' },
  sent: { ru: 'Направлено', kk: 'Жіберілді', en: 'Sent' },
  acknowledged: { ru: 'Получено адресатом', kk: 'Алушы алды', en: 'Acknowledged' },
  complied: { ru: 'Исполнено', kk: 'Орындалды', en: 'Complied' },
  partly_complied: { ru: 'Исполнено частично', kk: 'Ішінара орындалды', en: 'Partly complied' },
  refused: { ru: 'Отказано', kk: 'Бас тартылды', en: 'Refused' },
  overdue: { ru: 'Просрочено', kk: 'Мерзімі өтті', en: 'Overdue' },
} as const satisfies Vocabulary<string>;
export type NoticeStatus = keyof typeof NOTICE_STATUSES;
export const NOTICE_STATUS_CODES = codesOf<NoticeStatus>(NOTICE_STATUSES);
export type NoticeStoredStatus = Exclude<NoticeStatus, 'overdue'>;

/** The statuses a recipient's response may move a notice to. */
export const NOTICE_RESPONSE_STATUSES = [
  'acknowledged',
  'complied',
  'partly_complied',
  'refused',
] as const;
export type NoticeResponseStatus = (typeof NOTICE_RESPONSE_STATUSES)[number];

/** Statuses after which a notice is no longer waiting for the recipient, so never overdue. */
export const FINAL_NOTICE_STATUSES: readonly NoticeStoredStatus[] = [
  'complied',
  'partly_complied',
  'refused',
];

/** The only territorial scope notices have: access from the Republic of Kazakhstan. */
export const TERRITORIAL_SCOPE = 'KZ';

/** Whether a notice is overdue at `now`: sent, still waiting, and past its deadline. */
export function isOverdue(
  notice: { status: NoticeStoredStatus; deadlineAt: string | null },
  now: Date,
): boolean {
  return (
    notice.status !== 'draft' &&
    !FINAL_NOTICE_STATUSES.includes(notice.status) &&
    notice.deadlineAt !== null &&
    Date.parse(notice.deadlineAt) < now.getTime()
  );
}

const text = (max: number) => z.string().trim().min(1).max(max);

export const recipientInputSchema = z
  .object({
    name: text(200),
    type: z.enum(RECIPIENT_TYPE_CODES),
    /** The organisation's official e-mail or postal address, not a person's. */
    contact: text(500),
    /** Hours to act after a notice is sent (24 for online platforms). */
    deadlineHours: z.coerce.number().int().min(1).max(8760),
  })
  .strict();
export type RecipientInput = z.infer<typeof recipientInputSchema>;

export const recipientSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(RECIPIENT_TYPE_CODES),
  contact: z.string(),
  deadlineHours: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type RecipientView = z.infer<typeof recipientSchema>;
export const recipientResponseSchema = z.object({ recipient: recipientSchema });
export const recipientsResponseSchema = z.object({ recipients: z.array(recipientSchema) });

export const NOTICE_MAX_MATERIALS = 500;

export const noticeCreateSchema = z
  .object({
    recipientId: z.uuid(),
    materialIds: z
      .array(z.uuid())
      .min(1)
      .max(NOTICE_MAX_MATERIALS)
      .refine((ids) => new Set(ids).size === ids.length, 'no repeated materials'),
    legalGround: legalGroundChoiceSchema,
    explanation: text(4000),
    territorialScope: z.literal(TERRITORIAL_SCOPE).default(TERRITORIAL_SCOPE),
  })
  .strict();
export type NoticeCreate = z.infer<typeof noticeCreateSchema>;

export const noticeResponseInputSchema = z
  .object({
    receivedOn: z.iso.date(),
    text: text(4000),
    resultingStatus: z.enum(NOTICE_RESPONSE_STATUSES),
  })
  .strict();
export type NoticeResponseInput = z.infer<typeof noticeResponseInputSchema>;

export const noticesQuerySchema = z.object({
  status: z.enum(NOTICE_STATUS_CODES).optional(),
  materialId: z.uuid().optional(),
});
export type NoticesQuery = z.infer<typeof noticesQuerySchema>;

export const noticeParamsSchema = z.object({ id: z.uuid() });

export const noticeMaterialSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  title: z.string(),
  status: z.enum(REVIEW_STATUS_CODES),
  /** SHA-256 of every evidence file of the material's live reports. */
  evidenceSha256: z.array(z.string()),
});
export type NoticeMaterial = z.infer<typeof noticeMaterialSchema>;

export const noticeResponseSchema = z.object({
  id: z.uuid(),
  receivedOn: z.iso.date(),
  text: z.string(),
  resultingStatus: z.enum(NOTICE_RESPONSE_STATUSES),
  at: z.iso.datetime(),
});

/** A notice in a list: overdue ones come first. */
export const noticeSummarySchema = z.object({
  id: z.uuid(),
  recipient: recipientSchema.pick({ id: true, name: true, type: true }),
  legalGround: legalGroundChoiceSchema,
  /** The recorded status, or `overdue`. */
  status: z.enum(NOTICE_STATUS_CODES),
  overdue: z.boolean(),
  materialCount: z.number().int(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  deadlineAt: z.iso.datetime().nullable(),
});
export type NoticeSummary = z.infer<typeof noticeSummarySchema>;
export const noticesResponseSchema = z.object({ notices: z.array(noticeSummarySchema) });

export const noticeSchema = noticeSummarySchema.extend({
  recipient: recipientSchema,
  explanation: z.string(),
  territorialScope: z.string(),
  materials: z.array(noticeMaterialSchema),
  responses: z.array(noticeResponseSchema),
});
export type NoticeView = z.infer<typeof noticeSchema>;
export const noticeDetailResponseSchema = z.object({ notice: noticeSchema });

/** A notice as a machine-readable statement of reasons. */
export const statementOfReasonsSchema = z.object({
  noticeId: z.uuid(),
  status: z.enum(NOTICE_STATUS_CODES),
  recipient: recipientSchema.pick({ name: true, type: true, contact: true }),
  legalGround: z.object({
    code: z.enum(LEGAL_GROUND_CODES),
    act: z.object({
      code: z.enum(Object.keys(LEGAL_ACTS) as [keyof typeof LEGAL_ACTS]),
      title: z.object({ ru: z.string(), kk: z.string(), en: z.string() }),
      number: z.string(),
      date: z.string(),
    }),
    provision: z.string(),
    text: z.object({ ru: z.string(), kk: z.string(), en: z.string() }),
    courtDecision: z.object({ number: z.string(), date: z.iso.date() }).optional(),
  }),
  explanation: z.string(),
  territorialScope: z.string(),
  urls: z.array(
    z.object({ url: z.string(), title: z.string(), evidenceSha256: z.array(z.string()) }),
  ),
  dates: z.object({
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    deadlineAt: z.iso.datetime().nullable(),
  }),
});
export type StatementOfReasons = z.infer<typeof statementOfReasonsSchema>;
