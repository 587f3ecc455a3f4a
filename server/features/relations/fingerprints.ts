import type { EvidenceFile } from '#shared/schemas/report';
import type { Fingerprint, RelationsStore } from '../../storage/relations-store';
import { sniffEvidenceType } from '../evidence/evidence-content';
import { evidencePath, readIfPresent } from '../evidence/evidence-files';
import { pageCopyText } from './page-text';
import { signatureBands, signatureFromHex, signatureHex, textSignature } from './text-fingerprint';

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
 * as well. A page copy in `signed` (by content hash) is taken from there; any other is read from
 * the stored file (its type judged again by content) and added to `signed`, so that the materials
 * sharing it read it once. A file not uploaded (yet) is left out.
 */
export async function fingerprintsOfFiles(
  dataDir: string,
  files: EvidenceFile[],
  signed: Map<string, Fingerprint> = new Map(),
): Promise<Fingerprint[]> {
  const prints: Fingerprint[] = [];
  for (const file of files) {
    if (file.kind !== 'page_copy') {
      prints.push(textFingerprint(file.sha256, 'screenshot', undefined));
      continue;
    }
    const known = signed.get(file.sha256);
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
    signed.set(file.sha256, print);
    prints.push(print);
  }
  return prints;
}

/**
 * The fingerprints already held of the page copies among `files`, by content hash: a file is
 * stored once under its hash, so its text never changes, and a page copy reported again (in this
 * push or any later one, by any material) is not read and signed again.
 */
export async function signedPageCopies(
  relations: Pick<RelationsStore, 'pageCopySignatures'>,
  files: EvidenceFile[],
): Promise<Map<string, Fingerprint>> {
  const copies = new Set(files.filter((f) => f.kind === 'page_copy').map((f) => f.sha256));
  const held = await relations.pageCopySignatures([...copies]);
  return new Map([...held].map(([sha, signature]) => [sha, heldPrint(sha, signature)]));
}

/** A page copy's fingerprint from its stored signature, with its bands. */
function heldPrint(contentSha256: string, signature: string | null): Fingerprint {
  const parsed = signature ? signatureFromHex(signature) : undefined;
  return {
    contentSha256,
    source: 'page_copy',
    signature: parsed ? signature : null,
    bands: parsed ? signatureBands(parsed) : [],
  };
}
