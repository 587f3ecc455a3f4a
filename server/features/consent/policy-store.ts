import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from '../../storage';
import type { ConsentRow, PolicyRow } from '../../storage/consent-store';

export type PolicyText = { ru: string; kk: string; en: string };

/** The SHA-256 of a policy version's texts, so anyone can tell which text they accepted. */
export function policyHash(text: PolicyText): string {
  const hash = createHash('sha256');
  for (const lang of ['ru', 'kk', 'en'] as const) hash.update(`${lang}\n${text[lang]}\n`);
  return hash.digest('hex');
}

/** The policy that ships with the server, published as version 1 when the database has none. */
export function shippedPolicy(): PolicyText {
  const dir = join(import.meta.dirname, 'policy', 'v1');
  const read = (lang: string) => readFileSync(join(dir, `${lang}.txt`), 'utf8');
  return { ru: read('ru'), kk: read('kk'), en: read('en') };
}

/** The row of a policy version published now. */
export function policyRow(
  version: string,
  text: PolicyText,
  at: Date,
  publishedBy: string | null,
): PolicyRow {
  return {
    version,
    publishedAt: at.toISOString(),
    publishedBy,
    sha256: policyHash(text),
    textRu: text.ru,
    textKk: text.kk,
    textEn: text.en,
  };
}

type ConsentStorage = Pick<Storage, 'consent'>;

/** The current policy version: the most recently published one. */
export function currentPolicy(storage: ConsentStorage): Promise<PolicyRow | undefined> {
  return storage.consent.currentPolicy();
}

/** Every published version, newest first. */
export function policyVersions(storage: ConsentStorage): Promise<PolicyRow[]> {
  return storage.consent.policyVersions();
}

/** One published version, or undefined. */
export function policyByVersion(
  storage: ConsentStorage,
  version: string,
): Promise<PolicyRow | undefined> {
  return storage.consent.policyByVersion(version);
}

/** Publishes the shipped policy as version 1 on a database that has no policy yet. */
export async function ensureInitialPolicy(storage: ConsentStorage, at: Date): Promise<void> {
  await storage.consent.publish('1', ({ current, existing }) =>
    current || existing ? undefined : { row: policyRow('1', shippedPolicy(), at, null) },
  );
}

/** The user's newest consent record. */
export async function latestConsent(
  storage: ConsentStorage,
  userId: string,
): Promise<ConsentRow | undefined> {
  return (await storage.consent.standing(userId)).latest;
}

/** Whether the user's standing consent is to the current policy version. */
export async function hasCurrentConsent(
  storage: ConsentStorage,
  userId: string,
): Promise<{ current: boolean; policyVersion: string }> {
  const { current: policy, latest } = await storage.consent.standing(userId);
  const policyVersion = policy?.version ?? '';
  return {
    current: !!policy && latest?.action === 'given' && latest.policyVersion === policy.version,
    policyVersion,
  };
}
