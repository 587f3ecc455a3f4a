import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { EVIDENCE_MIME_TYPES, evidenceParamsSchema } from '#shared/schemas/evidence';
import { LIMITS } from '#shared/schemas/report';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { requireRole, requireUser } from '../auth/require-user';
import { requireConsent } from '../consent/require-consent';
import './api-docs';
import { sha256Hex, sniffImageType, storeEvidence } from './evidence-store';

const IMAGE_TYPES: readonly string[] = EVIDENCE_MIME_TYPES;

/** The media type the sender declared, without parameters. */
const declaredType = (c: Context) =>
  (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** Upload of evidence screenshots, addressed by their SHA-256 (mounted at /api/evidence). */
export function evidenceRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().put(
    '/:sha256',
    requireUser(deps),
    requireRole('analyst'),
    requireConsent(deps),
    (c, next) => {
      // The name becomes a file name: it must be a hash before anything else looks at it.
      if (!evidenceParamsSchema.safeParse({ sha256: c.req.param('sha256') }).success) {
        throw new ApiError('validation_failed', 'The path must end with a lowercase hex SHA-256.');
      }
      if (!IMAGE_TYPES.includes(declaredType(c))) {
        throw new ApiError('unsupported_media_type', 'Send a PNG or JPEG image.');
      }
      return next();
    },
    bodyLimit({
      maxSize: LIMITS.evidenceBytes,
      onError: () => {
        throw new ApiError('payload_too_large', 'Evidence images are limited to 5 MiB.');
      },
    }),
    async (c) => {
      const sha256 = c.req.param('sha256');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength === 0) throw new ApiError('validation_failed', 'The body is empty.');
      const actual = sniffImageType(bytes);
      if (!actual || actual !== declaredType(c)) {
        throw new ApiError(
          'unsupported_media_type',
          'The content is not the declared PNG or JPEG image.',
        );
      }
      if (sha256Hex(bytes) !== sha256) {
        throw new ApiError('validation_failed', 'The body does not match the SHA-256 in the path.');
      }
      const outcome = await storeEvidence(deps.storage, {
        sha256,
        mime: actual,
        bytes,
        uploadedBy: c.get('user').id,
        at: deps.now(),
      });
      const answer = { sha256, mime: actual, bytes: bytes.byteLength };
      return c.json(answer, outcome === 'created' ? 201 : 200);
    },
  );
}
