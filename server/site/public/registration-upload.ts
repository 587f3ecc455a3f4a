import { createMiddleware } from 'hono/factory';
import { DOCUMENT_LIMITS } from '#shared/schemas/documents';
import { isMultipart } from '../../features/accounts/multipart-form';
import { withUpload } from '../../features/accounts/routes';
import type { UploadLimits } from '../../features/accounts/upload-limits';
import { clientAddress } from '../../features/auth/client-address';
import type { AppDeps } from '../../http/env';
import type { SiteEnv } from '../site-env';

/**
 * Streams the registration form to disk before anything else reads it, within the limits the
 * API's registration shares. Its text fields are then the request's form (for the form token and
 * the fields); its files wait in `upload` and are removed after the answer unless stored.
 */
export function streamRegistrationUpload(deps: AppDeps, limits: UploadLimits) {
  return createMiddleware<SiteEnv>(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    await limits.admitRegistration(clientAddress(c), deps.now());
    if (!isMultipart(c.req.header('content-type'))) return next();
    const options = {
      dataDir: deps.storage.dataDir,
      // One more than allowed, so that one too many is told next to the field, as a count.
      maxFiles: DOCUMENT_LIMITS.maxRegistrationFiles + 1,
    };
    await withUpload(limits, c.req.raw, options, async (form) => {
      const fields = new FormData();
      for (const [name, values] of form.fields) {
        for (const value of values) fields.append(name, value);
      }
      // Hono keeps the parsed body here; what it holds is the promise of it.
      (c.req.bodyCache as { formData?: Promise<FormData> }).formData = Promise.resolve(fields);
      c.set('upload', form);
      await next();
    });
  });
}
