import { InvalidInputError } from '../common/errors/domain-errors';
import { checkWebUrl } from './web-urls';

export enum CdnProvider {
  WANGSU = 'wangsu',
  /** The platform's spelling of Tencent. */
  TECENT = 'tecent',
  ALI = 'ali',
}

export enum RefreshMode {
  SINGLE_FILE = 'single_file',
  /** A directory and everything below it. */
  RECURSIVE = 'recursive',
}

export interface RefreshInput {
  urls: unknown;
  provider: unknown;
  refreshMode: unknown;
}

/**
 * Checks a refresh task, with the causes the platform numbers (30001 no urls, 30002 a bad url,
 * 30003 an unknown mode, 30004 an unknown provider): each url http(s), at most `maxUrls`, and
 * directories (ending in /) for a recursive refresh, as every provider's API wants them.
 */
export function checkRefresh(
  input: RefreshInput,
  maxUrls: number,
): { urls: string[]; provider: CdnProvider; refreshMode: RefreshMode } {
  const providers = Object.values(CdnProvider) as string[];
  if (typeof input.provider !== 'string' || !providers.includes(input.provider)) {
    throw new InvalidInputError('cdn_service_provider', `must be one of ${providers.join(', ')}`).because(
      'cdn_provider_unsupported',
    );
  }
  const modes = Object.values(RefreshMode) as string[];
  if (typeof input.refreshMode !== 'string' || !modes.includes(input.refreshMode)) {
    throw new InvalidInputError('refresh_mode', `must be one of ${modes.join(', ')}`).because('cdn_mode_unsupported');
  }
  if (!Array.isArray(input.urls) || input.urls.length === 0) {
    throw new InvalidInputError('urls', 'must list at least one URL').because('cdn_urls_empty');
  }
  if (input.urls.length > maxUrls) {
    throw new InvalidInputError('urls', `must list at most ${maxUrls} URLs`).because('cdn_url_invalid');
  }
  const urls = input.urls.map((u, i) => {
    const url = checkWebUrl(u, `urls[${i}]`, 'cdn_url_invalid');
    if (input.refreshMode === RefreshMode.RECURSIVE && !new URL(url).pathname.endsWith('/')) {
      throw new InvalidInputError(`urls[${i}]`, 'a recursive refresh takes directories, ending in /').because(
        'cdn_url_invalid',
      );
    }
    return url;
  });
  return {
    urls: [...new Set(urls)],
    provider: input.provider as CdnProvider,
    refreshMode: input.refreshMode as RefreshMode,
  };
}
