import { createHash } from 'node:crypto';

/**
 * `urlKeyHash` of shared/url-key.ts (the first 16 hex characters of the key's SHA-256), computed
 * with Node's native SHA-256: the shared one is portable JavaScript, several times slower, and the
 * server hashes the key of every new material of every push.
 */
export function materialKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
}
