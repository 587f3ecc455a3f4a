import type { RecheckConfig } from '../../config';
import { type Resolver, systemResolver } from './guarded-connector';
import { createRecheckEngine, type RecheckEngine } from './recheck-engine';
import { loadSignatures } from './signatures';

const MAX_REDIRECTS = 5;

/** The re-check client the server runs with, from its configuration. */
export function recheckEngineFromConfig(
  config: RecheckConfig,
  extra: { resolver?: Resolver; exemptTargets?: readonly string[] } = {},
): RecheckEngine {
  return createRecheckEngine({
    allowPrivate: config.allowPrivate,
    signatures: loadSignatures(config.signaturesFile),
    resolver: extra.resolver ?? systemResolver,
    exemptTargets: extra.exemptTargets,
    proxyUrl: config.proxyUrl,
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    maxRedirects: MAX_REDIRECTS,
    concurrency: config.concurrency,
    perHostIntervalMs: config.perHostIntervalMs,
  });
}
