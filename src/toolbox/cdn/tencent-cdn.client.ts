import { RefreshMode } from '../cdn-refresh-input';
import { apiUrl, CdnClient, CdnCredentials, CdnProviderError, postToProvider } from './cdn-client';
import { tencentAuthorization } from './cdn-signing';

const CONTENT_TYPE = 'application/json; charset=utf-8';
const RETRYABLE = /^(RequestLimitExceeded|InternalError|ResourceUnavailable)/;

/**
 * Tencent Cloud CDN, API 3.0 (version 2018-06-06): PurgeUrlsCache `{Urls}` for files,
 * PurgePathCache `{Paths, FlushType: "flush"}` for directories; a JSON POST signed with
 * TC3-HMAC-SHA256. Answers `{Response: {TaskId, RequestId}}`, errors as `{Response: {Error: {Code, Message}}}`.
 */
export class TencentCdnClient implements CdnClient {
  async refresh(urls: readonly string[], mode: RefreshMode, c: CdnCredentials) {
    const recursive = mode === RefreshMode.RECURSIVE;
    const action = recursive ? 'PurgePathCache' : 'PurgeUrlsCache';
    const payload = JSON.stringify(recursive ? { Paths: urls, FlushType: 'flush' } : { Urls: urls });
    const url = apiUrl(c.endpoint, '/');
    const timestamp = Math.floor(Date.now() / 1000);
    const host = new URL(url).host;
    const authorization = tencentAuthorization({
      secretId: c.accessKeyId,
      secretKey: c.secret,
      service: 'cdn',
      host,
      contentType: CONTENT_TYPE,
      payload,
      timestamp,
    });
    const { status, json } = await postToProvider(url, {
      headers: {
        // fetch sends Host as the URL's host, which is what was signed.
        'content-type': CONTENT_TYPE,
        authorization,
        'x-tc-action': action,
        'x-tc-version': '2018-06-06',
        'x-tc-timestamp': String(timestamp),
      },
      body: payload,
    });
    const response = (json.Response ?? {}) as { TaskId?: unknown; Error?: { Code?: unknown; Message?: unknown } };
    if (response.Error || status >= 400) {
      const code = String(response.Error?.Code ?? `HTTP ${status}`);
      throw new CdnProviderError(
        `${code}: ${String(response.Error?.Message ?? 'refresh refused')}`,
        status >= 500 || RETRYABLE.test(code),
      );
    }
    return { taskId: response.TaskId === undefined ? null : String(response.TaskId) };
  }
}
