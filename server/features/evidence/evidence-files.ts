import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The lowercase hex SHA-256 of the bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where the bytes of a piece of evidence live; `sha256` must already be checked as 64 hex chars. */
export function evidencePath(dataDir: string, sha256: string): string {
  return join(dataDir, 'evidence', sha256);
}

/** Where the DER TimeStampResp of a piece of evidence lives; `sha256` must be checked. */
export function timestampPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'timestamps', `${sha256}.tsr`);
}

/**
 * Writes a file that never changes once written: aside first, then renamed into place, so that a
 * crash never leaves a partial file under the final name. An existing file is left as it is.
 * Answers whether these bytes were written, or a file was there already.
 */
export async function writeOnce(path: string, bytes: Uint8Array): Promise<'written' | 'existing'> {
  if (await fileExists(path)) return 'existing';
  await mkdir(join(path, '..'), { recursive: true });
  const temporary = `${path}.${randomUUID()}.part`;
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
    return 'written';
  } finally {
    await rm(temporary, { force: true });
  }
}

/** The file's bytes, or undefined when it is missing. */
export async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
