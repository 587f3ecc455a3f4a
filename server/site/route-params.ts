import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from '../http/errors';

/** The `:id` of the path; anything but a UUID names nothing. */
export function idParam(c: Context): string {
  const parsed = z.uuid().safeParse(c.req.param('id'));
  if (!parsed.success) throw new ApiError('not_found', 'No such record.');
  return parsed.data;
}
