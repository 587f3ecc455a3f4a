import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { users } from '../../db/schema';

/**
 * The ids of the accounts whose name or e-mail contains the text, in any letter case. Compared
 * here rather than in SQL: SQLite folds the case of ASCII letters only, and names are Cyrillic.
 * Accounts number in the thousands, not millions.
 */
export function peopleMatching(db: Db, text: string): string[] {
  const wanted = text.toLocaleLowerCase('ru');
  return db
    .select({ id: users.id, name: users.fullName, email: users.email })
    .from(users)
    .all()
    .filter(
      (row) =>
        row.name.toLocaleLowerCase('ru').includes(wanted) ||
        row.email.toLocaleLowerCase('ru').includes(wanted),
    )
    .map((row) => row.id);
}

/** How the log names a person to admins. */
export type Person = { name: string; email: string; closed: boolean };

/** The people behind these ids (accounts that exist), for the log to name them. */
export function peopleByIds(db: Db, ids: string[]): Map<string, Person> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = db
    .select({ id: users.id, name: users.fullName, email: users.email, status: users.status })
    .from(users)
    .where(inArray(users.id, unique))
    .all();
  return new Map(
    rows.map((row) => [
      row.id,
      { name: row.name, email: row.email, closed: row.status === 'closed' },
    ]),
  );
}
