import { hash, verify } from '@node-rs/argon2';

// OWASP's minimum argon2id profile (19 MiB, 2 passes, 1 lane). argon2id is the library default;
// its `Algorithm` const enum cannot be imported under isolatedModules, so it is left implicit
// and asserted by the test instead.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a plain-text password into a self-describing PHC string (`$argon2id$v=19$...`). */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain, ARGON2_OPTIONS);
}

/** True when `plain` matches `passwordHash`; false for a wrong password or a malformed hash. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}
