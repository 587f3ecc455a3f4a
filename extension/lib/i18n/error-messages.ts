import type { PersonalDataKind } from '#shared/personal-data/types';
import type { ErrorCode } from '#shared/schemas/errors';
import type { MessageKey } from './i18n';

/** The codes a call to the server can fail with: the API's, or the client's own. */
export type FailureCode = ErrorCode | 'network' | 'bad_response';

/** The message, in the UI language, for a stable error code of the server (or of the client). */
export function errorMessageKey(code: string): MessageKey {
  const key = `error_${code}`;
  return (KNOWN_CODES as readonly string[]).includes(code) ? (key as MessageKey) : 'error_unknown';
}

/** The name, in the UI language, of a kind of personal data. */
export function personalDataKindKey(kind: PersonalDataKind): MessageKey {
  return `pdKind_${kind}`;
}

const KNOWN_CODES = [
  'validation_failed',
  'unauthorized',
  'invalid_credentials',
  'forbidden',
  'account_pending',
  'account_blocked',
  'consent_required',
  'not_found',
  'conflict',
  'email_taken',
  'payload_too_large',
  'headers_too_large',
  'unsupported_media_type',
  'third_party_personal_data',
  'too_many_requests',
  'internal_error',
  'storage_full',
  'network',
  'bad_response',
] as const satisfies readonly FailureCode[];
