import { z } from 'zod';
import { auditActionSchema } from '#shared/schemas/audit';

const dateSchema = z.iso.date();

/** The audit log page's filters, from its query string; a malformed filter is ignored. */
export const auditFilterSchema = z.object({
  action: auditActionSchema.optional().catch(undefined),
  actor: z.uuid().optional().catch(undefined),
  /** Part of a person's name or e-mail: the events they did. */
  person: z.string().trim().min(1).max(100).optional().catch(undefined),
  from: dateSchema.optional().catch(undefined),
  to: dateSchema.optional().catch(undefined),
  cursor: z
    .string()
    .regex(/^[0-9]{1,15}$/)
    .optional()
    .catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
export type { AuditEventView as AuditEventRow } from '#shared/schemas/audit';
export type { Person } from './people-query';
