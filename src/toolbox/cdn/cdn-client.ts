import type { RefreshMode } from '../cdn-refresh-input';

/** What an administrator configured for a provider; the secret unsealed for the call only. */
export interface CdnCredentials {
  /** Base URL of the provider's API, e.g. https://cdn.aliyuncs.com. */
  endpoint: string;
  /** AccessKeyId (Alibaba Cloud), SecretId (Tencent Cloud) or the account name (Wangsu). */
  accessKeyId: string;
  /** AccessKeySecret, SecretKey or the API key. */
  secret: string;
}

/** One provider's refresh (purge) API. */
export interface CdnClient {
  /** Submits the refresh; answers the provider's task id when it gives one. Throws CdnProviderError. */
  refresh(urls: readonly string[], mode: RefreshMode, credentials: CdnCredentials): Promise<{ taskId: string | null }>;
}

/** A provider refused the call or could not be reached; `retryable` when trying again may help. */
export class CdnProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'CdnProviderError';
  }
}

const TIMEOUT_MS = 15_000;

/**
 * POSTs to a provider and answers its JSON with the HTTP status. A network failure, a timeout,
 * 429 and 5xx are retryable; an answer that is not JSON is not.
 */
export async function postToProvider(
  url: string,
  init: { headers: Record<string, string>; body: string },
): Promise<{ status: number; json: Record<string, unknown> }> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch (e) {
    throw new CdnProviderError(`cannot reach ${new URL(url).host}: ${(e as Error).message}`, true);
  }
  const text = await res.text();
  const retryable = res.status === 429 || res.status >= 500;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new CdnProviderError(`${new URL(url).host} answered HTTP ${res.status} without JSON`, retryable);
  }
  if (typeof json !== 'object' || json === null) {
    throw new CdnProviderError(`${new URL(url).host} answered HTTP ${res.status} with no object`, retryable);
  }
  return { status: res.status, json };
}

/** The endpoint with the API's path, keeping a path prefix the administrator set. */
export function apiUrl(endpoint: string, path: string): string {
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  return new URL(path.replace(/^\//, ''), base).toString();
}
