import type { Storage } from '../../storage';

/**
 * The ids of the accounts whose name or e-mail contains the text, in any letter case. Compared
 * here rather than by the database: SQLite folds the case of ASCII letters only, and names are
 * Cyrillic. Accounts number in the thousands, not millions.
 */
export async function peopleMatching(
  storage: Pick<Storage, 'accounts'>,
  text: string,
): Promise<string[]> {
  const wanted = text.toLocaleLowerCase('ru');
  return (await storage.accounts.directory())
    .filter(
      (row) =>
        row.fullName.toLocaleLowerCase('ru').includes(wanted) ||
        row.email.toLocaleLowerCase('ru').includes(wanted),
    )
    .map((row) => row.id);
}

/** How the log names a person to admins. */
export type Person = { name: string; email: string; closed: boolean };

/** The people behind these ids (accounts that exist), for the log to name them. */
export async function peopleByIds(
  storage: Pick<Storage, 'accounts'>,
  ids: string[],
): Promise<Map<string, Person>> {
  const rows = await storage.accounts.findByIds(ids);
  return new Map(
    rows.map((row) => [
      row.id,
      { name: row.fullName, email: row.email, closed: row.status === 'closed' },
    ]),
  );
}
