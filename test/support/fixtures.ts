import { User, UserStatus } from '../../src/acl/entities/user.entity';
import { hashPassword } from '../../src/common/crypto/password-hasher';
import type { TestApp } from './test-app';

/**
 * Inserts a user directly: a fixture for tests that need a second account
 * (the user management API builds on this same table).
 */
export async function createUser(
  t: TestApp,
  username: string,
  password: string,
  extra: Partial<Pick<User, 'isAdmin' | 'status' | 'email'>> = {},
): Promise<User> {
  const repo = t.dataSource.getRepository(User);
  return repo.save(
    repo.create({ username, passwordHash: await hashPassword(password), status: UserStatus.ENABLED, ...extra }),
  );
}
