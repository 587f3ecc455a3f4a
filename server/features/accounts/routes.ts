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
import { documentFiles } from './document-files';
import { documentMetadata, documentsOfUsers, uploadRepresentation } from './documents-service';
import { formFields, formFiles, readMultipart } from './multipart-form';
import { registerAccount } from './registration-service';
import './api-docs';

/** Registration, the signed-in user's profile and their documents; mounted at /api. */
export function accountRoutes(deps: AppDeps) {
  const { db } = deps.storage;
  const files = documentFiles(deps.storage.dataDir);
  return new Hono<AppEnv>()
    .post('/auth/register', async (c) => {
      const form = await readMultipart(c);
      const fields = formFields(form, registrationFormSchema);
      const uploads = formFiles(form, 'documents', {
        min: DOCUMENT_LIMITS.minRegistrationFiles,
        max: DOCUMENT_LIMITS.maxRegistrationFiles,
      });
      const documents = [];
      for (const upload of uploads) documents.push(await checkDocument(upload));
      const result = await registerAccount(db, files, {
        form: fields,
        documents,
        origin: requestOrigin(c),
        at: deps.now(),
      });
      return c.json(result, 201);
    })
    .get('/me', requireUser(deps), (c) => {
      const { id, email, fullName, role, status } = c.get('user');
      return c.json({
        user: { id, email, fullName, role, status },
        consent: hasCurrentConsent(db, id),
      });
    })
    .get('/me/documents', requireUser(deps), (c) => {
      const rows = documentsOfUsers(db, [c.get('user').id]).get(c.get('user').id) ?? [];
      return c.json({ documents: rows.map(documentMetadata) });
    })
    .post('/me/documents', requireUser(deps), requireConsent(deps), async (c) => {
      const form = await readMultipart(c);
      formFields(form, documentUploadMultipartSchema.pick({ kind: true }));
      const [upload] = formFiles(form, 'document', { min: 1, max: 1 });
      const row = await uploadRepresentation(db, files, {
        userId: c.get('user').id,
        document: await checkDocument(upload!),
        at: deps.now(),
        ip: clientAddress(c),
      });
      return c.json(documentMetadata(row), 201);
    });
}
