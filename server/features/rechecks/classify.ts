import type { RecheckOutcome } from '#shared/schemas/rechecks';
import type { RecheckSignatures } from './signatures';

/** Why a probe got no answer to classify. */
export type ProbeFailure =
  | 'refused'
  | 'dns_not_found'
  | 'dns_block_answer'
  | 'timeout'
  | 'connection_reset'
  | 'connection_refused'
  | 'tls_error'
  | 'too_many_redirects'
  | 'bad_redirect'
  | 'network_error';

/** What one re-check saw: the last answer of the redirect chain, or why there was none. */
export type Probe =
  | {
      kind: 'answer';
      status: number;
      finalUrl: string;
      /** The start of the body as text, for the signatures. */
      text: string;
      sha256: string;
      /** The body was longer than the cap; the hash covers the part read. */
      truncated: boolean;
    }
  | { kind: 'failure'; reason: ProbeFailure; finalUrl: string; detail?: string };

export type Classified = {
  outcome: RecheckOutcome;
  httpStatus?: number;
  finalUrl?: string;
  contentSha256?: string;
  contentChanged?: boolean;
  detail?: string;
  /** A live page's body as text (its start), for relating materials by content; never stored. */
  text?: string;
};

function mentions(text: string, needles: readonly string[]): string | undefined {
  const haystack = text.toLowerCase();
  return needles.find((needle) => haystack.includes(needle.toLowerCase()));
}

function onBlockHost(url: string, hosts: readonly string[]): boolean {
  const host = URL.canParse(url) ? new URL(url).hostname.toLowerCase() : '';
  return hosts.some((h) => host === h.toLowerCase() || host.endsWith(`.${h.toLowerCase()}`));
}

const FAILURE_OUTCOME: Record<ProbeFailure, RecheckOutcome> = {
  refused: 'refused',
  dns_not_found: 'removed',
  dns_block_answer: 'blocked',
  timeout: 'unreachable',
  connection_reset: 'unreachable',
  connection_refused: 'unreachable',
  tls_error: 'unreachable',
  too_many_redirects: 'unreachable',
  bad_redirect: 'unreachable',
  network_error: 'unreachable',
};

/**
 * The outcome of a re-check (api.md): `previousSha256` is the content hash of the material's last
 * live check, so that a live page says whether it changed since.
 */
export function classifyProbe(
  probe: Probe,
  signatures: RecheckSignatures,
  previousSha256: string | undefined,
): Classified {
  if (probe.kind === 'failure') {
    const outcome =
      probe.reason === 'connection_reset' && signatures.resetMeansBlocked
        ? 'blocked'
        : FAILURE_OUTCOME[probe.reason];
    return { outcome, finalUrl: probe.finalUrl, detail: probe.detail ?? probe.reason };
  }
  const base = { httpStatus: probe.status, finalUrl: probe.finalUrl };
  const blockText = mentions(probe.text, signatures.blockPageText);
  if (onBlockHost(probe.finalUrl, signatures.blockPageHosts)) {
    return { ...base, outcome: 'blocked', detail: 'block_page_host' };
  }
  if (blockText) return { ...base, outcome: 'blocked', detail: 'block_page' };
  if (probe.status === 451) return { ...base, outcome: 'geo_restricted', detail: 'http_451' };
  if (probe.status === 404 || probe.status === 410) {
    return { ...base, outcome: 'removed', detail: `http_${probe.status}` };
  }
  if (mentions(probe.text, signatures.geoRestrictedText)) {
    return { ...base, outcome: 'geo_restricted', detail: 'regional_restriction_page' };
  }
  if (probe.status >= 200 && probe.status < 300) {
    return {
      ...base,
      outcome: 'live',
      contentSha256: probe.sha256,
      contentChanged: previousSha256 !== undefined && previousSha256 !== probe.sha256,
      text: probe.text,
      ...(probe.truncated ? { detail: 'body_truncated' } : {}),
    };
  }
  // 5xx, 401/403 and the like: the host answers, but whether the material is there cannot be told.
  return { ...base, outcome: 'unreachable', detail: `http_${probe.status}` };
}
