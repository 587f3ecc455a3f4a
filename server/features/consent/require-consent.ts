import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { hasCurrentConsent } from './policy-store';

/** Requires (after requireUser) consent to the current policy version: consent_required otherwise. */
export function requireConsent(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { current, policyVersion } = await hasCurrentConsent(deps.storage, c.get('user').id);
    if (!current) {
      throw new ApiError(
        'consent_required',
        'Accept the current privacy policy before sending data.',
        { policyVersion },
      );
    }
    await next();
  });
}
