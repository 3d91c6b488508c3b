import { InvalidInputError } from '../common/errors/domain-errors';
import { normalizeUser, storedUser } from './hermes-user';

describe('normalizeUser', () => {
  it('appends the domain to bare names only', () => {
    expect(normalizeUser('johnny', 'example.com')).toBe('johnny@example.com');
    expect(normalizeUser('johnny@example.com', 'localhost')).toBe('johnny@example.com');
    expect(normalizeUser('user@localhost', 'example.com')).toBe('user@localhost@example.com');
  });

  it('refuses, naming the field, a name longer than the column once the domain is appended', () => {
    expect(storedUser('a'.repeat(243), 'example.com', 'user')).toHaveLength(255);
    expect(() => storedUser('a'.repeat(244), 'example.com', 'user')).toThrow(InvalidInputError);
    expect(() => storedUser('a'.repeat(244), 'example.com', 'ackUser')).toThrow(/ackUser/);
  });
});
