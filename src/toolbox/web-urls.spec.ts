import { checkRefresh, CdnProvider, RefreshMode } from './cdn-refresh-input';
import { checkImage, checkWebUrl } from './web-urls';

describe('web URLs', () => {
  it('takes http and https URLs only', () => {
    expect(checkWebUrl('http://external-a.example.com', 'url')).toBe('http://external-a.example.com/');
    expect(checkWebUrl('https://a.example.com/x?y=1', 'url')).toBe('https://a.example.com/x?y=1');
    for (const bad of [
      'javascript:alert(1)',
      'ftp://a.example.com/',
      'data:text/html,x',
      '//a.example.com',
      'a.example.com',
      '',
    ]) {
      expect(() => checkWebUrl(bad, 'url')).toThrow(/^url: /);
    }
    expect(() => checkWebUrl('http://user:pw@a.example.com/', 'url')).toThrow('credentials');
  });

  it('takes an image as a path on this site or a web URL', () => {
    expect(checkImage('/imgs/externa-a.jpg')).toBe('/imgs/externa-a.jpg');
    expect(checkImage('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    expect(() => checkImage('//evil.example.com/a.png')).toThrow('img:');
    expect(() => checkImage('javascript:alert(1)')).toThrow('img:');
  });
});

describe('checkRefresh', () => {
  const ok = {
    urls: ['http://url-a.example.com', 'http://url-a.example.com/'],
    provider: 'wangsu',
    refreshMode: 'recursive',
  };

  it('normalizes and deduplicates URLs', () => {
    expect(checkRefresh(ok, 10)).toEqual({
      urls: ['http://url-a.example.com/'],
      provider: CdnProvider.WANGSU,
      refreshMode: RefreshMode.RECURSIVE,
    });
  });

  it.each([
    [{ ...ok, provider: 'akamai' }, 'cdn_service_provider', 'cdn_provider_unsupported'],
    [{ ...ok, refreshMode: 'all' }, 'refresh_mode', 'cdn_mode_unsupported'],
    [{ ...ok, urls: [] }, 'urls', 'cdn_urls_empty'],
    [{ ...ok, urls: 'http://a.example.com/' }, 'urls', 'cdn_urls_empty'],
    [{ ...ok, urls: ['http://a.example.com/', 'file:///etc/passwd'] }, 'urls[1]', 'cdn_url_invalid'],
    [{ ...ok, urls: ['http://a.example.com/x.js'] }, 'urls[0]', 'cdn_url_invalid'],
    [
      { ...ok, urls: ['http://a.example.com/', 'http://b.example.com/', 'http://c.example.com/'] },
      'urls',
      'cdn_url_invalid',
    ],
  ])('refuses %j naming %s', (input, field, reason) => {
    try {
      checkRefresh(input, 2);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toMatchObject({ field, reason });
    }
  });
});
