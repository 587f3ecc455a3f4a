import { createRecheckEngine, type RecheckEngineOptions } from './recheck-engine';
import { DEFAULT_SIGNATURES } from './signatures';

/** A re-check client for tests on local servers: private targets allowed, no politeness wait. */
export function engineForTests(overrides: Partial<RecheckEngineOptions> = {}) {
  return createRecheckEngine({
    allowPrivate: true,
    signatures: DEFAULT_SIGNATURES,
    resolver: async () => {
      throw Object.assign(new Error('no DNS in tests'), { code: 'ENOTFOUND' });
    },
    timeoutMs: 5_000,
    maxBodyBytes: 1024 * 1024,
    maxRedirects: 5,
    concurrency: 8,
    perHostIntervalMs: 0,
    ...overrides,
  });
}
