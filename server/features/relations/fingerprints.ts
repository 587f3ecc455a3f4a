import type { EvidenceFile } from '#shared/schemas/report';
import type { Fingerprint } from '../../storage/relations-store';
import { sniffEvidenceType } from '../evidence/evidence-content';
import { evidencePath, readIfPresent } from '../evidence/evidence-files';
import { pageCopyText } from './page-text';
import { signatureBands, signatureHex, textSignature } from './text-fingerprint';

/** A fingerprint of a text seen under a content hash (a page copy's, or a re-check body's). */
export function textFingerprint(
  contentSha256: string,
  source: Fingerprint['source'],
  text: string | undefined,
): Fingerprint {
  const signature = text === undefined ? undefined : textSignature(text);
  return {
    contentSha256,
    source,
    signature: signature ? signatureHex(signature) : null,
    bands: signature ? signatureBands(signature) : [],
  };
}

/**
 * The fingerprints of a material's evidence files: every file by its hash, and a page copy's text
 * as well, read from the stored file (its type judged again by content). A file not uploaded
 * (yet) is left out.
 */
export async function fingerprintsOfFiles(
  dataDir: string,
  files: EvidenceFile[],
): Promise<Fingerprint[]> {
  const prints: Fingerprint[] = [];
  for (const file of files) {
    if (file.kind !== 'page_copy') {
      prints.push(textFingerprint(file.sha256, 'screenshot', undefined));
      continue;
    }
    const known = pageCopyPrints.get(file.sha256);
    if (known) {
      prints.push(known);
      continue;
    }
    const bytes = await readIfPresent(evidencePath(dataDir, file.sha256));
    if (!bytes) continue;
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const mime = sniffEvidenceType(view);
    const print = textFingerprint(
      file.sha256,
      'page_copy',
      mime ? pageCopyText(view, mime) : undefined,
    );
    remember(print);
    prints.push(print);
  }
  return prints;
}

/**
 * Page copies' fingerprints by content hash, the most recent last: a file is stored once under its
 * hash, so its fingerprint never changes, and reports sharing a page copy (pushed in one batch, or
 * one after another) parse it once rather than once each.
 */
const pageCopyPrints = new Map<string, Fingerprint>();
const REMEMBERED_PRINTS = 256;

function remember(print: Fingerprint) {
  pageCopyPrints.delete(print.contentSha256);
  pageCopyPrints.set(print.contentSha256, print);
  if (pageCopyPrints.size > REMEMBERED_PRINTS) {
    pageCopyPrints.delete(pageCopyPrints.keys().next().value!);
  }
}
