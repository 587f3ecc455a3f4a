import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { users } from '../../db/schema';
import type { AccountStore } from '../accounts-store';

/** Accounts on SQLite. */
export function sqliteAccountStore(db: Db): AccountStore {
  return {
    async findByEmail(email) {
      return db.select().from(users).where(eq(users.email, email)).get();
    },

    async findById(id) {
      return db.select().from(users).where(eq(users.id, id)).get();
    },

    async adminExists() {
      return !!db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).get();
    },

    async createFirstAdmin(admin) {
      return db.transaction(
        (tx) => {
          if (tx.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).get()) {
            return 'exists' as const;
          }
          tx.insert(users).values(admin).run();
          return 'created' as const;
        },
        { behavior: 'immediate' },
      );
    },
  };
}
