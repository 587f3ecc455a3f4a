import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt is memory-hard: N=2^15, r=8 takes 32 MiB per hash, which is what makes offline guessing costly.
const PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

// Each derivation holds 32 MiB: sign-ins and registrations in a burst take turns, so that memory
// stays bounded whatever arrives at once (and more at a time would not finish sooner anyway).
const AT_ONCE = 2;
let deriving = 0;
const turns: (() => void)[] = [];

async function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  if (deriving >= AT_ONCE) await new Promise<void>((resolve) => turns.push(resolve));
  else deriving += 1;
  try {
    return await deriveNow(password, salt, params);
  } finally {
    const next = turns.shift();
    if (next) next();
    else deriving -= 1;
  }
}

function deriveNow(password: string, salt: Buffer, params: ScryptParams) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { ...params, maxmem: PARAMS.maxmem },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

export type ScryptParams = { N: number; r: number; p: number };

/**
 * Hashes a password into a self-describing string `scrypt$N$r$p$salt$key` (base64url parts).
 * The cost travels with the hash, so `params` can be raised later (or lowered in tests) and
 * older hashes still verify.
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = PARAMS,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash no password matches, compared against when the account does not exist (equal timing). */
export const UNMATCHABLE_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;
