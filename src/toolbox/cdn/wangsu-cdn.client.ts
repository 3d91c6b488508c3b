import { RefreshMode } from '../cdn-refresh-input';
import { apiUrl, CdnClient, CdnCredentials, CdnProviderError, postToProvider } from './cdn-client';
import { wangsuAuthorization } from './cdn-signing';

/**
 * Wangsu (ChinaNetCenter / CDNetworks) content purge: POST /ccm/purge/ItemIdReceiver with
 * `{urls, urlAction}` or `{dirs, dirAction}`, authenticated by Basic auth whose password is the
 * HMAC-SHA1 of the Date header under the API key. Answers `{Code: 1, Message, itemId}`; another
 * Code or an HTTP error is a refusal.
 */
export class WangsuCdnClient implements CdnClient {
  async refresh(urls: readonly string[], mode: RefreshMode, c: CdnCredentials) {
    const date = new Date().toUTCString();
    const body = mode === RefreshMode.RECURSIVE ? { dirs: urls, dirAction: 'delete' } : { urls, urlAction: 'delete' };
    const { status, json } = await postToProvider(apiUrl(c.endpoint, '/ccm/purge/ItemIdReceiver'), {
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        date,
        authorization: wangsuAuthorization(c.accessKeyId, c.secret, date),
      },
      body: JSON.stringify(body),
    });
    const code = json.Code ?? json.code;
    if (status >= 400 || Number(code) !== 1) {
      const message = String(json.Message ?? json.message ?? 'refresh refused');
      throw new CdnProviderError(`${String(code ?? `HTTP ${status}`)}: ${message}`, status === 429 || status >= 500);
    }
    return { taskId: json.itemId === undefined ? null : String(json.itemId) };
  }
}
