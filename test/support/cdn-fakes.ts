import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** What a fake provider does with its next call: answer, refuse the request, or fail on its side. */
export type FakeAnswer = 'ok' | 'refuse' | 'unavailable';

export interface FakeCall {
  provider: 'ali' | 'tencent' | 'wangsu';
  /** Which API: RefreshObjectCaches File/Directory, PurgeUrlsCache/PurgePathCache, urls/dirs. */
  action: string;
  urls: string[];
  /** Whether the request's signature matched the fake's own computation with the known secret. */
  signed: boolean;
}

export interface CdnFakes {
  /** Base URLs to configure as each provider's endpoint. */
  endpoints: { ali: string; tencent: string; wangsu: string };
  calls: FakeCall[];
  /** Answers for the next calls of a provider, in order; afterwards it answers ok. */
  plan: Record<FakeCall['provider'], FakeAnswer[]>;
  close(): Promise<void>;
}

/**
 * A local HTTP server in the shape of each provider's documented refresh API (Alibaba Cloud
 * RefreshObjectCaches, Tencent Cloud PurgeUrlsCache/PurgePathCache, Wangsu ItemIdReceiver),
 * listening on 127.0.0.1 only. It checks each request's signature with its own implementation
 * of the provider's scheme and the secret the test configured, and refuses a wrong one as the
 * provider would.
 */
export async function startCdnFakes(secrets: { ali: string; tencent: string; wangsu: string }): Promise<CdnFakes> {
  const calls: FakeCall[] = [];
  const plan: CdnFakes['plan'] = { ali: [], tencent: [], wangsu: [] };

  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  const rfc3986 = (s: string) =>
    encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

  const ali = (body: string) => {
    const params = Object.fromEntries(new URLSearchParams(body));
    const { Signature, ...rest } = params;
    const query = Object.keys(rest)
      .sort()
      .map((k) => `${rfc3986(k)}=${rfc3986(rest[k])}`)
      .join('&');
    const expected = createHmac('sha1', `${secrets.ali}&`)
      .update(`POST&%2F&${rfc3986(query)}`)
      .digest('base64');
    const signed = Signature === expected && params.Action === 'RefreshObjectCaches' && params.Version === '2018-05-10';
    calls.push({
      provider: 'ali',
      action: `${params.Action} ${params.ObjectType}`,
      urls: (params.ObjectPath ?? '').split('\n'),
      signed,
    });
    if (!signed)
      return [
        400,
        { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched', RequestId: randomUUID() },
      ];
    const answer = plan.ali.shift() ?? 'ok';
    if (answer === 'refuse')
      return [
        404,
        {
          Code: 'InvalidDomain.NotFound',
          Message: 'The domain provided does not belong to you.',
          RequestId: randomUUID(),
        },
      ];
    if (answer === 'unavailable')
      return [503, { Code: 'ServiceUnavailable', Message: 'busy', RequestId: randomUUID() }];
    return [200, { RefreshTaskId: '704222904', RequestId: randomUUID() }];
  };

  const tencent = (req: IncomingMessage, body: string) => {
    const h = (n: string) => String(req.headers[n] ?? '');
    const timestamp = Number(h('x-tc-timestamp'));
    const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    const canonical = `POST\n/\n\ncontent-type:${h('content-type')}\nhost:${h('host')}\n\ncontent-type;host\n${sha(body)}`;
    const scope = `${date}/cdn/tc3_request`;
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha(canonical)}`;
    let key = createHmac('sha256', `TC3${secrets.tencent}`).update(date).digest();
    key = createHmac('sha256', key).update('cdn').digest();
    key = createHmac('sha256', key).update('tc3_request').digest();
    const signature = createHmac('sha256', key).update(toSign).digest('hex');
    const auth = /Credential=([^/]+)\/[^,]+, SignedHeaders=content-type;host, Signature=([0-9a-f]+)$/.exec(
      h('authorization'),
    );
    const signed = auth?.[2] === signature && h('x-tc-version') === '2018-06-06';
    const json = JSON.parse(body) as { Urls?: string[]; Paths?: string[]; FlushType?: string };
    calls.push({
      provider: 'tencent',
      action: `${h('x-tc-action')}${json.FlushType ? ` ${json.FlushType}` : ''}`,
      urls: json.Urls ?? json.Paths ?? [],
      signed,
    });
    const error = (code: string, message: string) => [
      200,
      { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } },
    ];
    if (!signed) return error('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
    const answer = plan.tencent.shift() ?? 'ok';
    if (answer === 'refuse') return error('InvalidParameter.CdnHostInvalidHost', 'Invalid domain name.');
    if (answer === 'unavailable') return error('InternalError', 'Internal error.');
    return [200, { Response: { TaskId: 'tencent-task-1', RequestId: randomUUID() } }];
  };

  const wangsu = (req: IncomingMessage, body: string) => {
    const date = String(req.headers.date ?? '');
    const [user, password] = Buffer.from(String(req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
      .toString()
      .split(':');
    const signed =
      user === 'wangsu-user' && password === createHmac('sha1', secrets.wangsu).update(date).digest('base64');
    const json = JSON.parse(body) as { urls?: string[]; dirs?: string[] };
    calls.push({ provider: 'wangsu', action: json.dirs ? 'dirs' : 'urls', urls: json.dirs ?? json.urls ?? [], signed });
    if (!signed) return [401, { Code: 0, Message: 'authentication failed' }];
    const answer = plan.wangsu.shift() ?? 'ok';
    if (answer === 'refuse') return [400, { Code: 0, Message: 'url invalid' }];
    if (answer === 'unavailable') return [502, { Code: 0, Message: 'bad gateway' }];
    return [200, { Code: 1, Message: 'handle success', itemId: 'ws-item-1' }];
  };

  const server: Server = createServer((req, res) => {
    void read(req).then((body) => {
      let answer: unknown[];
      if (req.method !== 'POST') answer = [405, { message: 'POST only' }];
      else if (req.url === '/ali/') answer = ali(body);
      else if (req.url === '/tencent/') answer = tencent(req, body);
      else if (req.url === '/wangsu/ccm/purge/ItemIdReceiver') answer = wangsu(req, body);
      else answer = [404, { message: 'not found' }];
      res.writeHead(answer[0] as number, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer[1]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoints: { ali: `${base}/ali`, tencent: `${base}/tencent`, wangsu: `${base}/wangsu` },
    calls,
    plan,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
