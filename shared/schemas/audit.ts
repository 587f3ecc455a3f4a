import { z } from 'zod';

export const AUDIT_PAGE = { default: 100, max: 500 } as const;

/** Audit actions are dotted lowercase codes: `auth.login_failed`, `document.approved`… */
export const auditActionSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'a dotted code like auth.login_failed')
  .max(64);

export const auditQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^[0-9]{1,15}$/, 'a cursor from a previous page')
    .optional(),
  action: auditActionSchema.optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE.max).default(AUDIT_PAGE.default),
});

export const auditEventSchema = z.object({
  id: z.number().int().positive(),
  at: z.iso.datetime(),
  action: z.string(),
  actorUserId: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

/** A page of audit events, newest first; `cursor` continues with older ones. */
export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
});
