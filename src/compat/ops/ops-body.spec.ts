import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { parseCodes, parseData } from './ops-body';
import { withWireFields } from '../wire-fields';

describe('ops body helpers', () => {
  it('reads permission codes, ignoring spaces, empties and repeats', () => {
    expect(parseCodes('1,2,3')).toEqual([1, 2, 3]);
    expect(parseCodes(' 3 , 1,3 ')).toEqual([3, 1]);
    expect(parseCodes('')).toEqual([]);
  });

  it('parses `data` sent as a JSON string and refuses one that is not JSON', () => {
    expect(parseData('[{"username":"a"}]')).toEqual([{ username: 'a' }]);
    expect(parseData({ username: 'a' })).toEqual({ username: 'a' });
    expect(() => parseData('{oops')).toThrow('data: must be a JSON object or array');
  });

  it('renames the fields service errors name to the ops wire names', async () => {
    const names = { email: 'mail', original_password: 'old_passwd', roles: 'permissions' };
    const fail = (e: Error) => withWireFields(names, () => Promise.reject(e));

    await expect(fail(new InvalidInputError('email', 'must be an email address'))).rejects.toThrow(
      new InvalidInputError('mail', 'must be an email address'),
    );
    const wrong = await fail(
      new InvalidInputError('original_password', 'does not match').because('wrong_original_password'),
    ).catch((e: InvalidInputError) => e);
    expect(wrong).toMatchObject({ field: 'old_passwd', message: 'old_passwd: does not match' });
    expect(wrong).toHaveProperty('reason', 'wrong_original_password');
    await expect(fail(new NotFoundError('role', 9, 'roles'))).rejects.toThrow('permissions: role 9 not found');

    const other = new ConflictError('username "a" is already taken', 'username');
    await expect(fail(other)).rejects.toBe(other);
    await expect(withWireFields(names, () => Promise.resolve(42))).resolves.toBe(42);
  });
});
