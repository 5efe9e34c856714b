import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './index';

describe('password hashing', () => {
  it('uses argon2id at the OWASP minimum parameters', async () => {
    const hashed = await hashPassword('correct horse battery staple');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const hashed = await hashPassword('sample-password-123');
    expect(await verifyPassword(hashed, 'sample-password-123')).toBe(true);
    expect(await verifyPassword(hashed, 'sample-password-124')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('answers false for a malformed hash instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});
