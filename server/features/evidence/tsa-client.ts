import { readFile } from 'node:fs/promises';
import type * as pkijs from 'pkijs';
import { TimestampError } from './timestamp-error';

// PKI.js loads on first use, not when the server starts.
const tokens = () => import('./timestamp-token');

const TIMEOUT_MS = 20_000;
const MAX_ANSWER_BYTES = 1024 * 1024;

/** Asks the authority at `url` for a token over a SHA-256; the DER answer is not yet verified. */
export async function requestTimestamp(
  url: string,
  sha256: string,
): Promise<{ response: Uint8Array; nonce: string }> {
  const { der, nonce } = (await tokens()).timestampRequest(sha256);
  let answer: Response;
  try {
    answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: der,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new TimestampError(`the authority is unreachable${cause ? ` (${cause})` : ''}`);
  }
  if (!answer.ok) throw new TimestampError(`the authority answered HTTP ${answer.status}`);
  const response = new Uint8Array(await answer.arrayBuffer());
  if (response.byteLength === 0 || response.byteLength > MAX_ANSWER_BYTES) {
    throw new TimestampError('the authority answered no usable token');
  }
  return { response, nonce };
}

/** The certificates the operator trusts for time-stamps (WEBTAGGER_TSA_CA_FILE), if any. */
export async function trustedTsaCertificates(caFile: string | undefined): Promise<{
  pem: string;
  certificates: pkijs.Certificate[];
}> {
  if (!caFile) return { pem: '', certificates: [] };
  const pem = await readFile(caFile, 'utf8');
  const certificates = (await tokens()).certificatesFromPem(pem);
  if (certificates.length === 0) {
    throw new TimestampError('WEBTAGGER_TSA_CA_FILE holds no PEM certificate');
  }
  return { pem, certificates };
}
