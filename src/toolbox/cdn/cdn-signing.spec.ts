import { createHmac } from 'node:crypto';
import { aliPercentEncode, aliSignature, tencentAuthorization, wangsuAuthorization } from './cdn-signing';

describe('CDN request signing', () => {
  it('encodes as Alibaba Cloud wants: %20 for space, %2A for *, ~ kept', () => {
    expect(aliPercentEncode("a b*c~d/e!'()")).toBe('a%20b%2Ac~d%2Fe%21%27%28%29');
  });

  it('signs Alibaba Cloud parameters over the sorted, encoded query', () => {
    const params = {
      Timestamp: '2018-04-18T07:38:40Z',
      Action: 'RefreshObjectCaches',
      ObjectPath: 'http://a.example.com/x y',
    };
    const canonical =
      'Action=RefreshObjectCaches&ObjectPath=http%3A%2F%2Fa.example.com%2Fx%20y&Timestamp=2018-04-18T07%3A38%3A40Z';
    const expected = createHmac('sha1', 'secret&')
      .update(`POST&%2F&${encodeURIComponent(canonical)}`)
      .digest('base64');
    expect(aliSignature(params, 'secret')).toBe(expected);
    expect(aliSignature({ ...params, Timestamp: '2018-04-18T07:38:41Z' }, 'secret')).not.toBe(expected);
  });

  it("puts Tencent Cloud's credential scope, signed headers and a hex signature in the header", () => {
    const args = {
      secretId: 'AKIDEXAMPLE',
      secretKey: 'key',
      service: 'cdn',
      host: 'cdn.tencentcloudapi.com',
      contentType: 'application/json; charset=utf-8',
      payload: '{"Urls":["http://a.example.com/x"]}',
      timestamp: 1524037120,
    };
    const header = tencentAuthorization(args);
    expect(header).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDEXAMPLE\/2018-04-18\/cdn\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/,
    );
    expect(tencentAuthorization({ ...args, payload: '{}' })).not.toBe(header);
    expect(tencentAuthorization({ ...args, secretKey: 'other' })).not.toBe(header);
  });

  it('makes the Wangsu password the HMAC-SHA1 of the date', () => {
    const date = 'Wed, 18 Apr 2018 07:38:40 GMT';
    const header = wangsuAuthorization('user', 'api-key', date);
    const [user, password] = Buffer.from(header.replace(/^Basic /, ''), 'base64')
      .toString()
      .split(':');
    expect(user).toBe('user');
    expect(password).toBe(createHmac('sha1', 'api-key').update(date).digest('base64'));
  });
});
