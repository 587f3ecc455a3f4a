import type { Config } from '../../config';
import { ApiError, storageFullOf } from '../../http/errors';
import type { LimitStore } from '../../storage/limits-store';
import { type FailureLog, inMemoryFailureLog, storedFailureLog } from '../auth/failure-window';

const HOUR_MS = 3_600_000;
/** What a client is told to wait when every upload place is taken. */
const BUSY_RETRY_SECONDS = 5;

/**
 * The limits every upload door shares (API and site): registrations per client address, and how
 * many uploads are read at once, so that a flood costs neither memory nor unbounded disk.
 */
export function createUploadLimits(
  config: Pick<Config, 'registrationsPerHour' | 'maxUploads'>,
  registrations: FailureLog = inMemoryFailureLog({
    limit: config.registrationsPerHour,
    windowMs: HOUR_MS,
  }),
) {
  let uploading = 0;

  return {
    /** Counts a registration from the address, or refuses it with the seconds to wait. */
    async admitRegistration(address: string, now: Date): Promise<void> {
      const wait = await registrations.retryAfterSeconds(address, now);
      if (wait > 0) {
        throw new ApiError('too_many_requests', 'Too many registrations from this address.', {
          retryAfterSeconds: wait,
        });
      }
      try {
        await registrations.record(address, now);
      } catch (error) {
        // With the disk full nothing can be registered anyway: the upload is read and refused as
        // storage_full (answered once the request is read, not cut off half-way).
        if (!storageFullOf(error)) throw error;
      }
    },
    /** Takes an upload place for the duration of `read`, or refuses when all are taken. */
    async withUploadPlace<T>(read: () => Promise<T>): Promise<T> {
      if (uploading >= config.maxUploads) {
        throw new ApiError('too_many_requests', 'The server is busy with uploads. Try again.', {
          retryAfterSeconds: BUSY_RETRY_SECONDS,
        });
      }
      uploading += 1;
      try {
        return await read();
      } finally {
        uploading -= 1;
      }
    },
  };
}
export type UploadLimits = ReturnType<typeof createUploadLimits>;

/** The registrations-per-address log kept by the storage, shared by every process on it. */
export function storedRegistrationLog(
  store: LimitStore,
  config: Pick<Config, 'registrationsPerHour'>,
): FailureLog {
  return storedFailureLog(store, 'registration', {
    limit: config.registrationsPerHour,
    windowMs: HOUR_MS,
  });
}
