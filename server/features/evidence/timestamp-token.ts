import { getRandomValues, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { TimestampError } from './timestamp-error';

export { TimestampError };

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
const EXTENDED_KEY_USAGE = '2.5.29.37';

pkijs.setEngine(
  'node',
  new pkijs.CryptoEngine({
    name: 'node',
    crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'],
  }),
);

const hexOf = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes as Uint8Array).toString('hex');
const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** An RFC 3161 TimeStampReq (DER) for a SHA-256, asking for the TSA's certificate. */
export function timestampRequest(sha256: string): { der: Uint8Array; nonce: string } {
  const nonce = getRandomValues(new Uint8Array(16));
  // A positive INTEGER with no leading zero byte: DER-minimal as it stands.
  nonce[0] = ((nonce[0] ?? 0) & 0x7f) | 0x40;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: SHA256_OID,
        algorithmParams: new asn1js.Null(),
      }),
      hashedMessage: new asn1js.OctetString({
        valueHex: toArrayBuffer(Buffer.from(sha256, 'hex')),
      }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  return { der: new Uint8Array(request.toSchema().toBER()), nonce: hexOf(nonce) };
}

/** What a verified token says. */
export type VerifiedToken = { genTime: Date; serial: string; signer: string };

/** Certificates from PEM text (a chain file may hold several). */
export function certificatesFromPem(pem: string): pkijs.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => {
    const base64 = block.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
    return pkijs.Certificate.fromBER(toArrayBuffer(Buffer.from(base64, 'base64')));
  });
}

/** A certificate as PEM text. */
export function certificateToPem(certificate: pkijs.Certificate): string {
  const base64 = Buffer.from(certificate.toSchema().toBER()).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** The certificates a TimeStampResp carries. */
export function tokenCertificates(response: Uint8Array): pkijs.Certificate[] {
  const signed = signedDataOf(parseResponse(response));
  return (signed.certificates ?? []).filter((c) => c instanceof pkijs.Certificate);
}

/**
 * Verifies a DER TimeStampResp for `data`: the status grants a token; its message imprint is the
 * SHA-256 of `data` (and its nonce the one asked for, when given); the CMS signature holds; the
 * signer is a time-stamping certificate; and, when `trusted` certificates are given, the signer's
 * chain leads to one of them at the token's time.
 */
export async function verifyTimestampResponse(
  response: Uint8Array,
  data: Uint8Array,
  options: { trusted: pkijs.Certificate[]; nonce?: string },
): Promise<VerifiedToken> {
  const parsed = parseResponse(response);
  const status = parsed.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const text = parsed.status.statusStrings?.map((s) => s.valueBlock.value).join('; ');
    throw new TimestampError(`the authority refused: status ${status}${text ? ` (${text})` : ''}`);
  }
  const signed = signedDataOf(parsed);
  const content = signed.encapContentInfo.eContent;
  if (!content) throw new TimestampError('the token has no TSTInfo');
  const info = pkijs.TSTInfo.fromBER(content.getValue());
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID) {
    throw new TimestampError('the token imprints another hash algorithm than SHA-256');
  }
  const expected = await webcrypto.subtle.digest('SHA-256', data);
  if (hexOf(info.messageImprint.hashedMessage.valueBlock.valueHexView) !== hexOf(expected)) {
    throw new TimestampError('the token is for other content (message imprint mismatch)');
  }
  if (options.nonce !== undefined) {
    const nonce = info.nonce ? hexOf(info.nonce.valueBlock.valueHexView) : undefined;
    if (nonce !== options.nonce) throw new TimestampError('the token answers another request');
  }
  let result: { signatureVerified?: boolean | null; signerCertificate?: pkijs.Certificate | null };
  try {
    result = (await signed.verify({
      signer: 0,
      data: toArrayBuffer(data),
      trustedCerts: options.trusted,
      checkChain: options.trusted.length > 0,
      extendedMode: true,
    })) as typeof result;
  } catch (err) {
    const message = err instanceof Error ? err.message : (err as { message?: string }).message;
    throw new TimestampError(`the token's signature does not verify: ${message ?? err}`);
  }
  if (!result.signatureVerified || !result.signerCertificate) {
    throw new TimestampError("the token's signature does not verify");
  }
  if (!isTimeStampingCertificate(result.signerCertificate)) {
    throw new TimestampError('the signer is not a time-stamping certificate');
  }
  return {
    genTime: info.genTime,
    serial: hexOf(info.serialNumber.valueBlock.valueHexView),
    signer: result.signerCertificate.subject.typesAndValues
      .map((tv) => `${tv.type}=${tv.value.valueBlock.value}`)
      .join(', '),
  };
}

function parseResponse(response: Uint8Array): pkijs.TimeStampResp {
  try {
    return pkijs.TimeStampResp.fromBER(toArrayBuffer(response));
  } catch {
    throw new TimestampError('the answer is not a DER TimeStampResp');
  }
}

function signedDataOf(response: pkijs.TimeStampResp): pkijs.SignedData {
  const token = response.timeStampToken;
  if (!token || token.contentType !== pkijs.ContentInfo.SIGNED_DATA) {
    throw new TimestampError('the answer carries no signed token');
  }
  try {
    return new pkijs.SignedData({ schema: token.content });
  } catch {
    throw new TimestampError('the token is not CMS SignedData');
  }
}

// RFC 3161 §2.3: the TSA's certificate has exactly one, critical, extended key usage: timeStamping.
function isTimeStampingCertificate(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((e) => e.extnID === EXTENDED_KEY_USAGE);
  const usage = extension?.parsedValue as pkijs.ExtKeyUsage | undefined;
  return (
    extension?.critical === true &&
    usage?.keyPurposes.length === 1 &&
    usage.keyPurposes[0] === TIME_STAMPING_EKU
  );
}
