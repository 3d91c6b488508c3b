import { createHash, createHmac } from 'node:crypto';

/** RFC 3986 encoding as Alibaba Cloud's RPC signature wants it (space %20, * %2A, ~ kept). */
export function aliPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Alibaba Cloud RPC signature v1: HMAC-SHA1, keyed with `secret&`, over
 * `METHOD&%2F&encode(sorted, encoded key=value pairs joined by &)`, base64.
 */
export function aliSignature(params: Record<string, string>, secret: string, method = 'POST'): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${aliPercentEncode(k)}=${aliPercentEncode(params[k])}`)
    .join('&');
  const toSign = `${method}&${aliPercentEncode('/')}&${aliPercentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(toSign).digest('base64');
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();

/**
 * Tencent Cloud API 3.0 TC3-HMAC-SHA256 over a POST of `payload` with the signed headers
 * content-type and host: the `Authorization` header's value.
 */
export function tencentAuthorization(p: {
  secretId: string;
  secretKey: string;
  service: string;
  host: string;
  contentType: string;
  payload: string;
  timestamp: number;
}): string {
  const date = new Date(p.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:${p.contentType}\nhost:${p.host}\n`,
    signedHeaders,
    sha256(p.payload),
  ].join('\n');
  const scope = `${date}/${p.service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(p.timestamp), scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(`TC3${p.secretKey}`, date), p.service), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return `TC3-HMAC-SHA256 Credential=${p.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** Wangsu (ChinaNetCenter): Basic auth whose password is base64(HMAC-SHA1(apiKey, Date header)). */
export function wangsuAuthorization(username: string, apiKey: string, date: string): string {
  const password = createHmac('sha1', apiKey).update(date).digest('base64');
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
