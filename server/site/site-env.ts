import type { UiLocale } from '#shared/labels';
import type { MultipartForm } from '../features/accounts/multipart-form';
import type { SessionVariables } from '../features/web-session/middleware';
import type { Strings } from './i18n';

/** Hono's environment for every site request: the visitor's language and session. */
export type SiteEnv = {
  Variables: SessionVariables & {
    lang: UiLocale;
    t: Strings;
    /** The current policy version the signed-in viewer has yet to accept, if any. */
    consentNeeded: string | undefined;
    /** The registration form's files, streamed to disk (POST /register only). */
    upload: MultipartForm | undefined;
  };
};
