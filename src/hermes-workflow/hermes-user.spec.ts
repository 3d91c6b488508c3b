import { normalizeUser } from './hermes-user';

describe('normalizeUser', () => {
  it('appends the domain to bare names only', () => {
    expect(normalizeUser('johnny', 'example.com')).toBe('johnny@example.com');
    expect(normalizeUser('johnny@example.com', 'localhost')).toBe('johnny@example.com');
    expect(normalizeUser('user@localhost', 'example.com')).toBe('user@localhost@example.com');
  });
});
