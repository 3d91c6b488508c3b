import type { TestApp } from './test-app';

export const CMDB_API = '/cmdb/api/v0.1';

/**
 * Calls to the CMDB family's `/api/v0.1` as a signed-in user: the session's token unless a
 * call names another. `session` is read at each call, so it may be set up in beforeAll.
 */
export function cmdbClient(session: () => { t: TestApp; token: string }) {
  const call = (method: 'get' | 'post' | 'put' | 'delete', path: string, token?: string) => {
    const { t, token: own } = session();
    return t.http[method](`${CMDB_API}${path}`).set('Authorization', `Bearer ${token ?? own}`);
  };
  return {
    get: (path: string, query: object = {}, token?: string) => call('get', path, token).query(query),
    post: (path: string, body: object = {}, token?: string) => call('post', path, token).send(body),
    put: (path: string, body: object = {}, token?: string) => call('put', path, token).send(body),
    del: (path: string, body: object = {}, token?: string) => call('delete', path, token).send(body),
  };
}
