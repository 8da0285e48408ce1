import { maskSecretsDeep, maskSecretsIn, maskUrl, secretForms } from '../../src/common/secrets';

// Every form a configured secret travels in when a merchant echoes it: raw, JSON-escaped the way
// PHP's json_encode writes it (\/ and \uXXXX), percent-encoded in either case, form-encoded, as the
// credentials of a Basic header, and inside URLs that do not even parse.
const TOKEN = 'tök/3n+k3y=9Q';
const forms = secretForms({
  headers: [
    { key: 'Authorization', value: `Bearer ${TOKEN}` },
    { key: 'X-Basic', value: `Basic ${Buffer.from('loja:pa55/w0rd').toString('base64')}` },
  ],
  urls: {},
});

describe('masking a header secret in every encoding a merchant may echo it in', () => {
  it.each([
    ['raw', TOKEN],
    ["PHP's json_encode (\\/ and \\u00f6)", 't\\u00f6k\\/3n+k3y=9Q'],
    [
      'JSON with upper-case \\u escapes for every character',
      [...TOKEN].map((c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(''),
    ],
    ['percent-encoded, upper case', encodeURIComponent(TOKEN)],
    [
      'percent-encoded, lower case',
      encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    ],
    ['percent-encoded, mixed case', 't%C3%b6k%2f3n%2Bk3y%3d9Q'],
    ['percent-encoding every byte', [...Buffer.from(TOKEN)].map((b) => `%${b.toString(16)}`).join('')],
    ['lower-cased', TOKEN.toLowerCase()],
    ['upper-cased (ö as Ö)', TOKEN.toUpperCase()],
    ['lower-cased, then percent-encoded', encodeURIComponent(TOKEN.toLowerCase())],
    [
      'upper-cased, then every byte percent-encoded',
      [...Buffer.from(TOKEN.toUpperCase())].map((b) => `%${b.toString(16)}`).join(''),
    ],
    ['with its case changed letter by letter, JSON-escaped', 'T\\u00d6k\\/3N+k3Y=9q'],
  ])('masks the token echoed %s', (_how, echoed) => {
    const masked = maskSecretsIn(`{"error":"invalid token ${echoed} (try again)"}`, forms);
    expect(masked).toBe('{"error":"invalid token *** (try again)"}');
  });

  it('masks the whole header value form-encoded (space as +), keeping the scheme word', () => {
    expect(maskSecretsIn(`auth=Bearer+${encodeURIComponent(TOKEN)}`, forms)).toBe('auth=Bearer ***');
  });

  it("masks a Basic header's decoded credentials and password, as well as the base64 itself", () => {
    const echoed = `user loja:pa55/w0rd, password pa55\\/w0rd, header ${Buffer.from('loja:pa55/w0rd').toString('base64')}`;
    expect(maskSecretsIn(echoed, forms)).toBe('user ***, password ***, header ***');
  });

  it('masks secrets in the keys and strings of a parsed answer', () => {
    expect(maskSecretsDeep({ [TOKEN]: [`x ${TOKEN}`], n: 1 }, forms)).toEqual({ '***': ['x ***'], n: 1 });
  });

  it('masks a token with ß in another case, where ß stays one letter (STRASSE is another text)', () => {
    const sharp = secretForms({ headers: [{ key: 'X-Key', value: 'straße-K3y' }], urls: {} });
    expect(maskSecretsIn('echo STRAßE-k3Y and strasse-k3y', sharp)).toBe('echo *** and strasse-k3y');
  });

  it('leaves text without a secret as it is, including near misses', () => {
    const text = 'tök/3n+k3y=9 tok/3n+k3y=9Q %2F \\/ Bearer';
    expect(maskSecretsIn(text, forms)).toBe(text);
  });
});

describe('masking the secrets of a URL', () => {
  it.each([
    ['a space in the host', 'http://loja:pa55-w0rd@exa mple.com/p?token=t0k3n-abc&q=1', ['pa55-w0rd', 't0k3n-abc']],
    ['an unclosed IPv6 bracket', 'https://loja:pa55-w0rd@[::1/p?api_key=k3y-abcd', ['pa55-w0rd', 'k3y-abcd']],
    ['no host at all', 'http://:pa55-w0rd@/x?access_token=t0k3n-abc', ['pa55-w0rd', 't0k3n-abc']],
    ['a bad port', 'http://shop.example.com:99999/p?secret=s3cr3t-abc', ['s3cr3t-abc']],
  ])('masks a URL that does not parse (%s) before anything else reads it', (_why, raw, secrets) => {
    expect(() => new URL(raw)).toThrow();
    const shown = maskUrl(raw);
    expect(secrets.filter((secret) => shown.includes(secret))).toEqual([]);
    expect(shown).toContain('***');
  });

  it('masks a token in the fragment (#access_token=) of a URL that parses', () => {
    expect(maskUrl('https://shop.example.com/cb#access_token=t0k3n-abc&state=1')).toBe(
      'https://shop.example.com/cb#access_token=***&state=1',
    );
  });

  it('finds the secrets of a configured URL that does not parse, so an echo of them is masked too', () => {
    const urlForms = secretForms({
      headers: [],
      urls: { productSearch: 'http://loja:pa55-w0rd@exa mple.com/?token=t0k3n-abc' },
    });
    expect(maskSecretsIn('got pa55-w0rd and t0k3n-abc', urlForms)).toBe('got *** and ***');
  });
});
