import { burnPasswordCheck, hashPassword, verifyPassword } from './password-hasher';
import { SecretBox } from './secret-box';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
    await expect(verifyPassword('correct horse', a)).resolves.toBe(true);
    await expect(verifyPassword('correct horsf', a)).resolves.toBe(false);
  });

  it('rejects stored values it does not understand', async () => {
    await expect(verifyPassword('x', 'md5$abc')).resolves.toBe(false);
    await expect(burnPasswordCheck('x')).resolves.toBe(false);
  });
});

describe('SecretBox', () => {
  it('round-trips and never stores the plain text', () => {
    const box = new SecretBox('a-secret-key-of-some-length');
    const sealed = box.seal('-----BEGIN OPENSSH PRIVATE KEY-----');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('OPENSSH');
    expect(box.seal('same')).not.toBe(box.seal('same'));
    expect(box.open(sealed)).toBe('-----BEGIN OPENSSH PRIVATE KEY-----');
  });

  it('refuses a tampered value or another key', () => {
    const box = new SecretBox('a-secret-key-of-some-length');
    const sealed = box.seal('password');
    const parts = sealed.split(':');
    parts[3] = Buffer.from('passworx').toString('base64url');
    expect(() => box.open(parts.join(':'))).toThrow();
    expect(() => new SecretBox('another-secret-key-entirely').open(sealed)).toThrow();
    expect(() => box.open('garbage')).toThrow(/unknown format/);
  });
});
