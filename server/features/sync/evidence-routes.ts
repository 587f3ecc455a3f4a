import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { evidenceParamsSchema } from '#shared/schemas/evidence';
import {
  EVIDENCE_FILE_MIME_TYPES,
  type EvidenceFileMime,
  evidenceByteLimit,
  LIMITS,
} from '#shared/schemas/report';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { requireRole, requireUser } from '../auth/require-user';
import { requireConsent } from '../consent/require-consent';
import { sniffEvidenceType } from '../evidence/evidence-content';
import { sha256Hex } from '../evidence/evidence-files';
import { storeEvidence } from '../evidence/evidence-service';
import { relateReportsById } from '../relations/relate-service';
import './api-docs';

const ACCEPTED: readonly string[] = EVIDENCE_FILE_MIME_TYPES;

/** The media type the sender declared, without parameters. */
const declaredType = (c: Context) =>
  (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

const MiB = 1024 * 1024;

/**
 * Upload of evidence files — screenshots and copies of the page — addressed by their SHA-256
 * (mounted at /api/evidence). The type is judged by content; the declared one must agree.
 */
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
      if (!ACCEPTED.includes(declaredType(c))) {
        throw new ApiError(
          'unsupported_media_type',
          'Send a PNG or JPEG image, an MHTML (multipart/related) or an HTML copy of the page.',
        );
      }
      return next();
    },
    (c, next) => {
      const limit = evidenceByteLimit(declaredType(c) as EvidenceFileMime);
      return bodyLimit({
        maxSize: limit,
        onError: () => {
          throw new ApiError(
            'payload_too_large',
            `Images are limited to ${LIMITS.evidenceBytes / MiB} MiB, page copies to ${LIMITS.pageCopyBytes / MiB} MiB.`,
          );
        },
      })(c, next);
    },
    async (c) => {
      const sha256 = c.req.param('sha256');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength === 0) throw new ApiError('validation_failed', 'The body is empty.');
      const actual = sniffEvidenceType(bytes);
      if (!actual || actual !== declaredType(c)) {
        throw new ApiError('unsupported_media_type', 'The content is not of the declared type.');
      }
      if (sha256Hex(bytes) !== sha256) {
        throw new ApiError('validation_failed', 'The body does not match the SHA-256 in the path.');
      }
      const at = deps.now();
      const outcome = await storeEvidence(deps.storage, {
        sha256,
        mime: actual,
        bytes,
        uploadedBy: c.get('user').id,
        at,
      });
      if (outcome === 'created') deps.evidenceJobs?.kick();
      // A file sent after the reports listing it could not be read when they were pushed: they
      // are related now. A file sent again is too (relating may have been cut short the first
      // time); relating is idempotent and reads no file a material has a fingerprint of, and its
      // failure must not fail the upload.
      await deps.storage.evidence
        .reportsReferencing(sha256)
        .then((reportIds) => relateReportsById(deps.storage, reportIds, at))
        .catch((error: unknown) => deps.logger.error('relate_failed', { error: String(error) }));
      const answer = { sha256, mime: actual, bytes: bytes.byteLength };
      return c.json(answer, outcome === 'created' ? 201 : 200);
    },
  );
}
