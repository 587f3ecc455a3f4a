/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { DOCUMENT_LIMITS, registrationFormSchema } from '#shared/schemas/documents';
import { type CheckedDocument, checkDocument } from '../../features/accounts/document-content';
import { documentFiles } from '../../features/accounts/document-files';
import { formFiles, type MultipartForm } from '../../features/accounts/multipart-form';
import { registerAccount } from '../../features/accounts/registration-service';
import { requestOrigin } from '../../features/auth/client-address';
import { currentPolicy } from '../../features/consent/policy-store';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import type { FieldErrors } from '../components/forms';
import { formValues, parseForm } from '../form-values';
import type { Strings } from '../i18n';
import { renderPage } from '../render';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { RegisteredPage, RegisterPage, type RegistrationValues } from './register-page';

/** The uploaded documents, checked by content; or the message to show next to the file field. */
function checkedDocuments(
  form: MultipartForm | undefined,
  t: Strings,
): { documents: CheckedDocument[]; error?: undefined } | { error: string } {
  try {
    if (!form) throw new ApiError('validation_failed', 'The form was not sent as multipart.');
    const files = formFiles(form, 'documents', {
      min: DOCUMENT_LIMITS.minRegistrationFiles,
      max: DOCUMENT_LIMITS.maxRegistrationFiles,
    });
    return { documents: files.map(checkDocument) };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.code === 'payload_too_large') return { error: t.errors.documentTooLarge };
    if (err.code === 'unsupported_media_type') return { error: t.errors.documentType };
    return { error: t.errors.documentsCount };
  }
}

const keptValues = (raw: Record<string, string>): RegistrationValues => ({
  fullName: raw.fullName,
  email: raw.email,
  organization: raw.organization,
  position: raw.position,
  phone: raw.phone,
  acceptPolicy: raw.acceptPolicy === 'true',
  thirdPartyTransfer: raw.thirdPartyTransfer === 'true',
});

/** The registration form: a new pending account with its documents and consent. */
export function registerRoutes(deps: AppDeps) {
  const files = documentFiles(deps.storage.dataDir);
  const policyOrFail = async () => {
    const policy = await currentPolicy(deps.storage);
    if (!policy) throw new ApiError('not_found', 'No policy is published.');
    return policy;
  };
  return new Hono<SiteEnv>()
    .get('/register', async (c) =>
      renderPage(c, <RegisterPage view={viewOf(c)} policy={await policyOrFail()} />),
    )
    .get('/register/done', (c) => renderPage(c, <RegisteredPage view={viewOf(c)} />))
    .post('/register', async (c) => {
      const t = c.get('t');
      const raw = await formValues(c);
      const again = async (errors: FieldErrors, status: 400 | 409 = 400) =>
        renderPage(
          c,
          <RegisterPage
            view={viewOf(c)}
            policy={await policyOrFail()}
            values={keptValues(raw)}
            errors={errors}
          />,
          status,
        );
      // The fields first: a refused password or e-mail is said before the documents are looked
      // at, and the form asks for them again (a browser cannot put files back in a form).
      const fields = parseForm(registrationFormSchema, raw, t);
      if (fields.errors) {
        const errors: FieldErrors = { ...fields.errors, documents: t.errors.attachAgain };
        if (errors.acceptPolicy) errors.acceptPolicy = t.errors.mustAccept;
        return again(errors);
      }
      const upload = checkedDocuments(c.get('upload'), t);
      if (upload.error !== undefined) return again({ documents: upload.error });
      try {
        await registerAccount(deps.storage, files, {
          form: fields.data,
          documents: upload.documents,
          origin: requestOrigin(c),
          at: deps.now(),
        });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'email_taken') {
          return again({ email: t.errors.emailTaken }, 409);
        }
        if (err instanceof ApiError && err.code === 'conflict') {
          return again({ form: t.errors.policyChanged, acceptPolicy: t.errors.mustAccept }, 409);
        }
        throw err;
      }
      return c.redirect('/register/done', 303);
    });
}
