import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('civicflow');
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain('civicflow');
    await expect(verifyPassword('civicflow', stored)).resolves.toBe(true);
    await expect(verifyPassword('civicfIow', stored)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
  });
});
