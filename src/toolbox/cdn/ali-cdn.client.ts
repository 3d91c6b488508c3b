import { randomUUID } from 'node:crypto';
import { RefreshMode } from '../cdn-refresh-input';
import { apiUrl, CdnClient, CdnCredentials, CdnProviderError, postToProvider } from './cdn-client';
import { aliSignature } from './cdn-signing';

/** Throttling and service-side errors worth another try. */
const RETRYABLE = /^(Throttling|ServiceUnavailable|InternalError)/;

/**
 * Alibaba Cloud CDN, RefreshObjectCaches (API version 2018-05-10): an RPC-style POST of form
 * parameters signed with HMAC-SHA1; ObjectPath holds the URLs one per line, ObjectType is File or
 * Directory. Answers `{RefreshTaskId, RequestId}`, or `{Code, Message}` with an HTTP error.
 */
export class AliCdnClient implements CdnClient {
  async refresh(urls: readonly string[], mode: RefreshMode, c: CdnCredentials) {
    const params: Record<string, string> = {
      Action: 'RefreshObjectCaches',
      Version: '2018-05-10',
      Format: 'JSON',
      AccessKeyId: c.accessKeyId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: randomUUID(),
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ObjectPath: urls.join('\n'),
      ObjectType: mode === RefreshMode.RECURSIVE ? 'Directory' : 'File',
    };
    params.Signature = aliSignature(params, c.secret);
    const { status, json } = await postToProvider(apiUrl(c.endpoint, '/'), {
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(params).toString(),
    });
    if (status >= 400 || typeof json.Code === 'string') {
      const code = String(json.Code ?? `HTTP ${status}`);
      throw new CdnProviderError(
        `${code}: ${String(json.Message ?? 'refresh refused')}`,
        status >= 500 || RETRYABLE.test(code),
      );
    }
    return { taskId: json.RefreshTaskId === undefined ? null : String(json.RefreshTaskId) };
  }
}
