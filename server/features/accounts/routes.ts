import { Hono } from 'hono';
import {
  DOCUMENT_LIMITS,
  documentUploadMultipartSchema,
  registrationFormSchema,
} from '#shared/schemas/documents';
import type { AppDeps, AppEnv } from '../../http/env';
import { clientAddress, requestOrigin } from '../auth/client-address';
import { requireUser } from '../auth/require-user';
import { hasCurrentConsent } from '../consent/policy-store';
import { requireConsent } from '../consent/require-consent';
import { checkDocument } from './document-content';
import { documentFiles, spoolDir } from './document-files';
import { documentMetadata, documentsOfUsers, uploadRepresentation } from './documents-service';
import { formFields, formFiles, type MultipartForm, readMultipart } from './multipart-form';
import { registerAccount } from './registration-service';
import type { UploadLimits } from './upload-limits';
import './api-docs';

/**
 * Reads a multipart upload within the shared limits and hands it to `use`; whatever `use` did
 * not move into storage is removed afterwards, whether it succeeded or not.
 */
export async function withUpload<T>(
  limits: UploadLimits,
  request: Request,
  options: { dataDir: string; maxFiles: number },
  use: (form: MultipartForm) => Promise<T>,
): Promise<T> {
  return limits.withUploadPlace(async () => {
    const form = await readMultipart(request, {
      spoolDir: spoolDir(options.dataDir),
      maxFileBytes: DOCUMENT_LIMITS.maxBytes,
      maxFiles: options.maxFiles,
    });
    try {
      return await use(form);
    } finally {
      await form.discard();
    }
  });
}

/** Registration, the signed-in user's profile and their documents; mounted at /api. */
export function accountRoutes(deps: AppDeps, limits: UploadLimits) {
  const { storage } = deps;
  const { dataDir } = storage;
  const files = documentFiles(dataDir);
  return new Hono<AppEnv>()
    .post('/auth/register', async (c) => {
      await limits.admitRegistration(clientAddress(c), deps.now());
      const maxFiles = DOCUMENT_LIMITS.maxRegistrationFiles;
      const result = await withUpload(limits, c.req.raw, { dataDir, maxFiles }, (form) => {
        const fields = formFields(form, registrationFormSchema);
        const uploads = formFiles(form, 'documents', {
          min: DOCUMENT_LIMITS.minRegistrationFiles,
          max: maxFiles,
        });
        return registerAccount(storage, files, {
          form: fields,
          documents: uploads.map(checkDocument),
          origin: requestOrigin(c),
          at: deps.now(),
        });
      });
      return c.json(result, 201);
    })
    .get('/me', requireUser(deps), async (c) => {
      const { id, email, fullName, role, status } = c.get('user');
      return c.json({
        user: { id, email, fullName, role, status },
        consent: await hasCurrentConsent(storage, id),
      });
    })
    .get('/me/documents', requireUser(deps), async (c) => {
      const userId = c.get('user').id;
      const rows = (await documentsOfUsers(storage, [userId])).get(userId) ?? [];
      return c.json({ documents: rows.map(documentMetadata) });
    })
    .post('/me/documents', requireUser(deps), requireConsent(deps), async (c) => {
      const row = await withUpload(limits, c.req.raw, { dataDir, maxFiles: 1 }, (form) => {
        formFields(form, documentUploadMultipartSchema.pick({ kind: true }));
        const [upload] = formFiles(form, 'document', { min: 1, max: 1 });
        return uploadRepresentation(storage, files, {
          userId: c.get('user').id,
          document: checkDocument(upload!),
          at: deps.now(),
          ip: clientAddress(c),
        });
      });
      return c.json(documentMetadata(row), 201);
    });
}
