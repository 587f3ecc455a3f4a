import { randomUUID } from 'node:crypto';

/**
 * A new material id: a UUID version 7 (RFC 9562), whose leading 48 bits are the time in ms. Ids
 * made one after another sort together, so inserting them touches the end of the indexes rather
 * than a random page, which keeps big push batches cheap. The random part comes from
 * `randomUUID`, which draws from a buffered pool (much faster than small `randomBytes` calls).
 */
export function newMaterialId(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randomUUID().slice(15)}`;
}
