import { userForToken } from '../../features/auth/tokens';
import { hasCurrentConsent } from '../../features/consent/policy-store';
import type { Storage } from '../../storage';
import { seedAccounts } from '../../testing/seed';
import type { Role } from './hostile-requests';

/**
 * A live token per role for a fuzzer whose requests may sign the account out, close it, block it,
 * change its role or publish a policy it has not accepted: before each request the token is
 * checked and, if it no longer works as that role, replaced by a fresh account's.
 */
export function roleTokens(storage: Storage, now: () => Date) {
  const tokens = new Map<Role, string>();
  let replaced = 0;
  const alive = async (role: Role, token: string) => {
    const found = await userForToken(storage, token, now());
    return (
      !!found &&
      found.user.status === 'active' &&
      found.user.role === role &&
      (await hasCurrentConsent(storage, found.user.id)).current
    );
  };
  return {
    /** The Authorization header the role sends (none for 'none', junk for 'garbage'). */
    async authorization(role: Role): Promise<string | undefined> {
      if (role === 'none') return undefined;
      if (role === 'garbage') return 'Bearer not-a-token-at-all';
      let token = tokens.get(role);
      if (!token || !(await alive(role, token))) {
        token = (await seedAccounts(storage, 1, now(), role))[0]!.token;
        tokens.set(role, token);
        replaced++;
      }
      return `Bearer ${token}`;
    },
    /** How many accounts had to be made (one per role at least). */
    get accountsMade() {
      return replaced;
    },
  };
}
