import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { type ConsentRow, consents, type PolicyRow, policies } from '../../db/schema';

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

/** The current policy version: the most recently published one. */
export function currentPolicy(db: Db): PolicyRow | undefined {
  return db
    .select()
    .from(policies)
    .orderBy(desc(policies.publishedAt), desc(policies.version))
    .get();
}

/** Every published version, newest first. */
export function policyVersions(db: Db): PolicyRow[] {
  return db
    .select()
    .from(policies)
    .orderBy(desc(policies.publishedAt), desc(policies.version))
    .all();
}

/** One published version, or undefined. */
export function policyByVersion(db: Db, version: string): PolicyRow | undefined {
  return db.select().from(policies).where(eq(policies.version, version)).get();
}

/** Publishes a policy version; from then on every user must accept it before writing. */
export function publishPolicy(
  db: Db,
  version: string,
  text: PolicyText,
  at: Date,
  publishedBy: string | null,
): PolicyRow {
  const row: PolicyRow = {
    version,
    publishedAt: at.toISOString(),
    publishedBy,
    sha256: policyHash(text),
    textRu: text.ru,
    textKk: text.kk,
    textEn: text.en,
  };
  db.insert(policies).values(row).run();
  return row;
}

/** Publishes the shipped policy as version 1 on a database that has no policy yet. */
export function ensureInitialPolicy(db: Db, at: Date): void {
  if (!currentPolicy(db)) publishPolicy(db, '1', shippedPolicy(), at, null);
}

/** The user's newest consent record. */
export function latestConsent(db: Db, userId: string): ConsentRow | undefined {
  return db
    .select()
    .from(consents)
    .where(eq(consents.userId, userId))
    .orderBy(desc(consents.id))
    .get();
}

/** Whether the user's standing consent is to the current policy version. */
export function hasCurrentConsent(
  db: Db,
  userId: string,
): { current: boolean; policyVersion: string } {
  const policy = currentPolicy(db);
  const latest = latestConsent(db, userId);
  const policyVersion = policy?.version ?? '';
  return {
    current: !!policy && latest?.action === 'given' && latest.policyVersion === policy.version,
    policyVersion,
  };
}
