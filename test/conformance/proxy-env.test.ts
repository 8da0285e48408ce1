import { proxyFor, readProxyEnv } from '../../src/conformance/http/proxy-env';

const through = (url: string, env: NodeJS.ProcessEnv): string | undefined =>
  proxyFor(new URL(url), readProxyEnv(env))?.url;

describe('proxy variables, read as curl reads them', () => {
  it('uses HTTPS_PROXY for https URLs and HTTP_PROXY for http URLs, lower case first', () => {
    const env = { HTTPS_PROXY: 'http://up:3128', https_proxy: 'http://low:3128', HTTP_PROXY: 'http://plain:8080' };
    expect(through('https://shop.example.com/p', env)).toBe('http://low:3128/');
    expect(through('http://shop.example.com/p', env)).toBe('http://plain:8080/');
  });

  it('falls back to ALL_PROXY, treats a value without a scheme as http://, and an empty one as unset', () => {
    expect(through('https://shop.example.com', { HTTPS_PROXY: '', ALL_PROXY: 'corp:3128' })).toBe('http://corp:3128/');
    expect(through('https://shop.example.com', {})).toBeUndefined();
  });

  it.each([
    ['*', 'https://shop.example.com', undefined],
    ['example.com', 'https://shop.example.com', undefined],
    ['.example.com', 'https://example.com', undefined],
    ['*.example.com', 'https://api.example.com', undefined],
    ['example.com', 'https://notexample.com', 'http://corp:3128/'],
    ['127.0.0.1', 'https://127.0.0.1:8443', undefined],
    ['10.0.0.0/8', 'https://10.1.2.3', undefined],
    ['10.0.0.0/8', 'https://11.1.2.3', 'http://corp:3128/'],
    ['shop.example.com:8443', 'https://shop.example.com:8443', undefined],
    ['shop.example.com:8443', 'https://shop.example.com', 'http://corp:3128/'],
    ['[::1]', 'https://[::1]:8443', undefined],
    ['localhost, 127.0.0.1 ,SHOP.example.com', 'https://shop.example.com', undefined],
  ])('NO_PROXY=%s: %s goes through %s', (noProxy, url, proxy) => {
    expect(through(url, { HTTPS_PROXY: 'http://corp:3128', NO_PROXY: noProxy })).toBe(proxy);
  });

  it('refuses a socks proxy and a value that is no URL, naming the variable and masking credentials', () => {
    expect(() => readProxyEnv({ HTTPS_PROXY: 'socks5://corp:1080' })).toThrow(
      'HTTPS_PROXY uses socks5://, which verify does not support: use an HTTP proxy (http://host:port), or unset HTTPS_PROXY',
    );
    expect(() => readProxyEnv({ https_proxy: 'http://user:pa55-w0rd@[bad' })).toThrow(
      'https_proxy="http://***@[bad" is not a proxy URL: write it like http://proxy.example.com:3128',
    );
  });
});
